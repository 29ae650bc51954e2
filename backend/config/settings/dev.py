from config.env import env
from config.settings.base import *  # noqa: F403

DEBUG = True
# `make run` and the browser suite (tests/e2e) sign in a dozen times a minute from 127.0.0.1; the
# environment variables still win.
REST_FRAMEWORK = {
    **REST_FRAMEWORK,  # noqa: F405
    "DEFAULT_THROTTLE_RATES": {
        "login": env.str("TECHMATCH_LOGIN_RATE", default="120/minute") or None,
        "login_account": env.str("TECHMATCH_LOGIN_ACCOUNT_RATE", default="60/hour") or None,
        "register": env.str("TECHMATCH_REGISTER_RATE", default="120/hour") or None,
    },
}
