"""The demo's bulk part: the organisations, postings, bids and contract ledger that make the
demo look like a real year in Huzhou. `marketplace.demo_data` keeps the hand-made core that
tests and walkthroughs name; seed_demo loads both."""
