"""The bundled examples' result JSON, pinned byte for byte: a change to scoring or to the result's shape shows here.

Speed work on the scoring engine and the result model must not change one byte of any result. The pins are
SHA-256 digests of each example's canonical JSON (``Assessment.to_json``) and of the compact JSON the batch
writes (``model_dump_json``), with the folder of the checkout and the kipmonev version written neutrally.
When a change of the result is intended, print the new table with ``python tests/test_result_pinned.py``
and say in the commit message what changed in the results and why.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from kipmonev import score
from kipmonev._version import __version__
from kipmonev.sources.reader import read_submission

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"

PINNED: dict[str, tuple[str, str]] = {
    "01-kementerian-urusan-contoh.xlsx": (
        "6d1c2f44ca5882015b23296d23c7f533607c7bf787915d271135cdf78af54e5f",
        "b8998e818b9c0dd46630033248a4e93a40059c24cca58d290c966f1c960d6635",
    ),
    "02-kementerian-koordinasi-fiktif.xlsx": (
        "420c59882fd33a426617320f6ee97ba069fb7a6807021f71bca8cda231f6614b",
        "4c552cb274cd339f97e91dc76eee31bc0afc4da0430762e9a1e6a9e5f4de2878",
    ),
    "03-badan-pengawas-imajiner.xlsx": (
        "5c98145bb9f8247ef3bfbdcb7a224b8aee43c8d9a044e19488137656365ed48f",
        "e1680142baeb3cc938898af5f547243beab8a60eae7984aa557d704714b5090d",
    ),
    "04-lembaga-arsip-rekaan.xlsx": (
        "7c0fb2d64dbeeed199da269c1c6c2344a1b9cfeb754060d76f0916f2aa0f3719",
        "8d4fc001b7ce9b96f3adf94f1d0a6e94cdd684a64371a2ccd111bcc9e5a430e0",
    ),
    "05-komisi-contoh-nasional.xlsx": (
        "4f3e5adb4194c3d119d8ab94369644d5f1f9ab422e707d5ef58f01621ce7cca3",
        "564d0e8191ba0edb5d9d3cad37ad783d148cf800dab8d12d5ae030a3413e35d9",
    ),
    "06-dewan-rekaan-indonesia.xlsx": (
        "930f5cf2f576c67397d5075041b6226675fa5195b9712998b97531cb51d1acaa",
        "d74e8320c8ce2a1beeefba8d17b971f29c6417c95e6ad650e83e56e2e6e01f3a",
    ),
    "07-pemprov-nusa-contoh.xlsx": (
        "ceaa3ab420725b26f83374666e591a2b6422aae9d80965c0b849c95d9c87fb7f",
        "dbcd7ceb4ddb5a1cf55305cdd1e538e4dae31e3a905480a27d22de12787d6726",
    ),
    "08-pemprov-tanah-fiktif.xlsx": (
        "0b3910dc2ee9b5d2d84ef2fdcf4a585b323970763dfa1bac3fc2364966bc670c",
        "7c370a2feb03ca8cf6c6a2bae442ee2e034c210874703f00f63ff4763942b4dc",
    ),
    "09-pt-contoh-nusantara.xlsx": (
        "7e9a8767ee36fcaf2ee7ed92d38a768e74b475bef2050d3e46c1acefc5250242",
        "10d9f4dc38aad2c9682663556eafef800c65f7e3e59b2c8e2d7f943075773119",
    ),
    "10-pt-rekaan-energi.xlsx": (
        "8941fb98dd4edb28ddba3a964416978080c4d3b65d8270d208d40085a04f3c99",
        "b71b44690df0d5bdbb3e52485b781d996d001285b967e71e2576901bedfa39c4",
    ),
    "11-universitas-negeri-fiktif.xlsx": (
        "3254b9694cab9e05f88d59a574cc919b054dbf6401047bac4b4d5c1df290f7f8",
        "9384a7803c7ca65c5bd29a313a1632b900595fc56502fb00509cea484bb46538",
    ),
    "12-institut-teknologi-rekaan.xlsx": (
        "29e108fe9bf1c7666f3b0ab76f7eaaff8dce9d6483859e7b8c2f808f675c7eb3",
        "51e553cff27463067a78e10521749758f5295bb15784d92b5760e170a45862e6",
    ),
    "13-partai-teladan-imajiner.xlsx": (
        "043b1c2460dedeef96ac7db0bf196fd126a1e208f0dfe5e4f39662d5216fe6fc",
        "2a7c854921459664ab3fac847b6610edb86a1e2b87257dcd7f32db299b064ec1",
    ),
    "14-partai-contoh-bersatu.xlsx": (
        "08c2d6138a5df42827f26ec63828bdc5091c07a1fb6ace9eb3a8850535af5e86",
        "e3bbc05f9181a83a23beb4d94cc49dfa6b988d55e4a7d29e503e4b61300a5c31",
    ),
}


def _neutral(text: str) -> str:
    return (
        text.replace(str(EXAMPLES), "examples")
        .replace(f'"kipmonev_version":"{__version__}"', '"kipmonev_version":"-"')
        .replace(f'"kipmonev_version": "{__version__}"', '"kipmonev_version": "-"')
    )


def digests(name: str) -> tuple[str, str]:
    """The digests of one example's result: canonical (indented) JSON, compact JSON."""
    q, submission = read_submission(EXAMPLES / name)
    a = score(q, submission)
    return tuple(hashlib.sha256(_neutral(text).encode()).hexdigest() for text in (a.to_json(), a.model_dump_json()))  # type: ignore[return-value]


def test_every_example_is_pinned() -> None:
    assert sorted(PINNED) == sorted(p.name for p in EXAMPLES.glob("*.xlsx"))


@pytest.mark.parametrize("name", sorted(PINNED))
def test_result_json_unchanged(name: str) -> None:
    assert digests(name) == PINNED[name]


if __name__ == "__main__":
    for path in sorted(EXAMPLES.glob("*.xlsx")):
        print(f'    "{path.name}": {digests(path.name)!r},')
