"""The Celery worker's heartbeat: a platform check, not agency staffing; it imports no sub-domain."""
