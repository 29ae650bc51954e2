from django.db import connection

# The SQLite request tests need SQLite as the test database. On PostgreSQL (CI) they run in a pytest
# of their own on the embedded default instead (test_sqlite_on_postgres_runs.py), not as skips.
collect_ignore = ["test_sqlite_on_postgres_runs.py"] if connection.vendor == "sqlite" else ["test_sqlite_requests.py"]
