"""`python -m aggregator` is `newsdesk`."""

from aggregator.cli import main

main()
