"""What keeps the public site up: SQLite limits per connection, a per-client cap on ad-hoc SQL,
one-line error logging, and public JSON without server paths. plugin.py registers the hooks."""
