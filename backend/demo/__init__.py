"""The demo (`manage.py seed_demo`): `originals` is the hand-made core that tests and walkthroughs
name; `postings`, `build` and `ledger` are the bulk that makes the demo look like a real year in
Huzhou (organisations, postings, bids, a ledger of contracts). It seeds every domain, so it sits
above them all in the layering (tests/test_layout.py)."""
