"""Open data (clause 4 of 2629/UBND: publish): public CSV and JSON files described by a Frictionless Data
Package. The resources come from the sub-domains whose data they are, through the registry."""
