"""An amount out of range is refused in words that name the field and say what is allowed."""

import pytest

from deals.serializers import DealRecordInputSerializer
from marketplace.serializers import ChallengeInputSerializer, NeedInputSerializer


def field_errors(serializer_class, **data) -> dict:
    serializer = serializer_class(data=data)
    assert not serializer.is_valid()
    return {key: [str(m) for m in messages] for key, messages in serializer.errors.items() if key in data}


@pytest.mark.parametrize(
    ("serializer_class", "data", "expected"),
    [
        (ChallengeInputSerializer, {"bounty": "-100.00"}, {"bounty": ["榜额须大于0"]}),
        (ChallengeInputSerializer, {"bounty": "0"}, {"bounty": ["榜额须大于0"]}),
        (ChallengeInputSerializer, {"bounty": "20000000000"}, {"bounty": ["榜额超过100亿元，请核对"]}),
        (NeedInputSerializer, {"budget_min": "-1"}, {"budget_min": ["预算下限须大于0"]}),
        (DealRecordInputSerializer, {"contract_amount": "-5"}, {"contract_amount": ["合同金额须大于0"]}),
        (DealRecordInputSerializer, {"technical_amount": "-5"}, {"technical_amount": ["技术交易额不能为负数"]}),
    ],
)
def test_an_amount_out_of_range_names_the_field_and_the_limit(serializer_class, data, expected):
    assert field_errors(serializer_class, **data) == expected
