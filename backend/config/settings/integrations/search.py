from config.env import env

SEARCH_BACKEND = env.str("SEARCH_BACKEND", default="local")
ELASTICSEARCH_URLS = env.list("ELASTICSEARCH_URL", default=[])
