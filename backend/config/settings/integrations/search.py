from config.env import env

SEARCH_BACKEND = env.str("SEARCH_BACKEND", default="local")
ELASTICSEARCH_URLS = env.list("ELASTICSEARCH_URL", default=[])
# The alias the postings live under; the real index behind it is versioned (zero-downtime rebuilds).
ELASTICSEARCH_INDEX = env.str("ELASTICSEARCH_INDEX", default="techmatch-postings")
