"""Pages of the staffing app, one module per concept."""
