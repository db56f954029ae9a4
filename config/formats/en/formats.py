# The English interface keeps the district's dd/mm/yyyy dates so that both languages read a date alike;
# only the number separators follow English usage.
from config.formats.vi.formats import *  # noqa: F403

DECIMAL_SEPARATOR = "."
THOUSAND_SEPARATOR = ","
