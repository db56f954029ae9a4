"""Floor 0: the kit every app may use (import machinery, filter bar, phone numbers, XLSX, form errors).

Nothing here imports a sub-domain of any app.
"""
