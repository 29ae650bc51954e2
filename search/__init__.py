"""Search library: documents, backends (local, elasticsearch), queries. Imports nothing from Django."""
