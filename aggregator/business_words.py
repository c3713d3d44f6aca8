"""The words of the kinds of business and public life, in English and Chinese: takeovers,
listings, lay-offs, recalls, fines, suits and charges, polls and their results, prices,
markets, currencies and rates (data for `aggregator.incidents`, read in `affair_words`'s
order: after the courts, boards and labour kinds, before diplomacy's).

Each entry: kind -> (an English regular expression, matched case-insensitively on word
boundaries; Simplified Chinese words or patterns, matched after Traditional text is folded).
Why each kind is one, and which words were kept out, is said beside it. Pure data: no I/O.
"""

from __future__ import annotations

# "elects X prime minister": a parliament's choice, the appointment's words and not the
# election's (both kinds read it, one to match it and one to leave it out).
ELECTS_PM = r" (?:[\w'’-]+ ){1,4}(?:as )?(?:the )?(?:new )?(?:prime minister|premier|chancellor)"

BUSINESS_KINDS: dict[str, tuple[str, tuple[str, ...]]] = {
    # Business and public life's own events, each news of its own on another day: a
    # takeover, a listing, lay-offs, a recall, a fine, charges, an election, a referendum,
    # a price cut.
    "acquisition": (
        r"acquir\w*|takeover|take over|buy(?:s|ing)? (?:\S+ ){0,3}stake|merg(?:er|es|e with)",
        ("收购", "并购", "入股"),
    ),
    # An offering priced (超购, 定价), then its first day's trading the next morning: read
    # before the listing and cut, so "prices IPO" is not also the debut.
    "ipo-pricing": (
        r"pric(?:es|ed|ing) (?:\S+ ){0,4}(?:IPO|offering|listing)",
        (r"(?:IPO|招股|发行|上限|下限)[^，。,；;\s]{0,4}定价", "超购", "超额认购", "顶价"),
    ),
    "listing": (
        r"\bIPO\b|listing|debut\w* on|on (?:its |their |the )?(?:(?:trading|market|stock"
        r"|share|first-day) )?debut|goes public|lists? (?:its )?shares",
        ("挂牌", "招股", r"登陆[^，。,；;\s]{0,6}(?:交易所|港交所|科创板|纳斯达克|创业板|主板)"),
    ),
    "layoffs": (r"lay(?:s|ing)? off|layoffs?|job cuts|cut(?:s|ting)? \S+ jobs", ("裁员",)),
    "recall": (r"recall(?:s|ed|ing)?\b", ("召回", "回收")),  # 回收: Taiwan's word for it
    "fine": (
        r"\bfine[sd]\b|\bfines \S+ (?:for|over)|penalis\w*|penaliz\w*"
        r"|\bwith (?:an? |its |the )?(?:[\w-]+ ){0,2}fine\b"
        # its size told ("Record fine closes...", "a 41.5 billion won fine")
        r"|\b(?:record|hefty|heavy|biggest|largest|maximum) fines?\b"
        r"|\d[\d.,]*\s?(?:m|bn|million|billion|trillion)?(?: [a-z]+)? fines?\b",
        # 重罚 with its sum (重罚三药厂6.12亿欧元), not a licence suspended (重罚渡轮业者 执照停权)
        ("罚款", "罚单", "被罚", "遭罚", "挨罚", "处罚", r"重罚[^，。,；;\s]{0,12}\d", "开罚"),
    ),
    # A law, a ban or a contract taken to court, the day after its news: a suit, a
    # constitutional challenge (违宪审查), a petition lodged (入禀), a judicial review.
    "court-challenge": (
        r"(?:challenge[sd]?|challenging|contest(?:s|ed|ing)?) (?:\S+ ){0,6}(?:in|at|before) "
        r"(?:the |a )?(?:\w+ ){0,2}court\b|(?:files?|filed|lodges?|lodged) (?:a |an )?(?:\w+ )?"
        r"(?:lawsuit|suit|legal challenge|petition)\b|takes? (?:\S+ ){0,4}to court\b"
        r"|(?:takes?|took|taking) (?:\S+ ){0,4}(?:ban|case|suspension) to "
        r"(?:lausanne|cas|strasbourg|the hague|(?:the )?(?:\w+ ){0,3}(?:court|tribunal))\b"
        r"|\bsues\b|\bsued\b|\blawsuit\b|appeal(?:s|ed|ing)?(?! court) (?:against )?(?:\S+ ){0,5}"
        r"(?:ruling|verdict|ban|sentence|suspension|fine|penalty|decision)\b"
        r"|(?:files?|filed|lodges?|lodged) (?:an )?appeal\b",
        (
            "违宪审查",
            "入禀",
            "司法复核",
            "提起诉讼",
            "告上法庭",
            "提告",
            "诉诸法院",
            # not a threat to (扬言上诉: the shares' slide is the news)
            "(?<!扬言)(?<!誓言)(?<!考虑)(?<!研究)上诉(?!法院|法庭|庭|获准|得直|成功|失败|被驳回|遭驳回)",
        ),
    ),
    "charges": (
        # not "prosecutors raid ...": who acts, not what they did
        r"charg(?:ed|es) with|charge[sd]? (?:[\w'’-]+ ){0,4}over|indict\w*|prosecut(?!ors?\b)\w*",
        ("起诉", "检控", "公诉", "被控(?!制)"),
    ),
    # Polling day, then the result the next morning: each news of its own. A polling day's
    # report says who votes, not who won.
    "polling": (
        r"(?:vote|votes|voting) in (?:\S+ ){0,4}(?:election|polls?)|go(?:es)? to (?:the )?polls"
        r"|head (?:to|for) (?:the )?polls|polls? (?:open|opened|close|closed)\b"
        r"|cast(?:s|ing)? (?:their )?ballots|(?:vote|votes|voting) on whether"
        r"|(?:vote|votes|voting) (?:on|in) (?:\S+ ){0,4}(?:referendum|plebiscite)"
        r"|(?:vote|votes|voting) on (?:reopening|rejoining|joining|leaving|independence)",
        (
            r"举行[^，。,；;\s]{0,4}(?:大选|选举)",
            r"举行[^，。,；;\s]{0,6}公投",
            "公投投票",
            r"(?:大选|选举)投票",
            "开始投票",
            "投票日",
            "投票率",
            "选民投票",
        ),
    ),
    "election": (
        # a parliament electing its prime minister is his appointment, as 当选总理 is
        r"wins? (?:\S+ ){0,3}(?:elections?|vote|polls?)|election results?"
        rf"|elect(?:s|ed)\b(?!{ELECTS_PM})"
        r"|wins? (?:an? )?(?:\S+ ){0,2}majority",
        (
            r"当选(?![^，。,；;\s]{0,6}(?:总理|首相))",
            "胜选",
            # a body electing its officer (选出新议长), not a word of the year (选出年度代表字)
            r"选出[^，。,；;\s]{0,4}(?:议长|总统|主席|市长|领导人|党魁|秘书长|院长|教宗)",
            "赢得选举",
            "赢得大选",
            "大选结果",
            r"选举[^，。,；;\s]{0,12}为新",
            r"赢得[^，。,；;\s]{0,6}(?:议席|席位|多数|选举|大选)",
            r"(?:大选|选举)[^，。,；;\s]{0,2}胜出",
            r"过半(?:议席|席位)",
            r"夺得?\d+席",
            "大选变天",
        ),
    ),
    # A referendum's result, by its share or its verb: polling day is news of its own.
    "referendum-result": (
        r"votes? \d+(?:\.\d+)? ?(?:%|per ?cent) (?:to|for|in favou?r|against)"
        r"|(?:backs?|backed|approves?|approved|rejects?|rejected) (?:\S+ ){0,5}in (?:a )?"
        r"referendum|referendum (?:passes|passed|fails|failed)",
        (
            r"公投[^，。,；;\s]{0,4}\d+(?:\.\d+)?%[^，。,；;\s]{0,3}(?:赞成|支持|反对)",
            r"公投[^，。,；;\s]{0,4}过半数?(?:赞成|支持|反对)",
            "公投(?:通过|过关|否决|被否)",
        ),
    ),
    "referendum": (r"referendum", ("公投",)),
    # A price raised by a state or a firm (fuel two days after the refinery blast).
    "price-rise": (
        r"(?:raises?|raised|hikes?|hiked|increases?) (?:\S+ ){0,3}(?:prices?|fares?|tolls?)"
        r"|price (?:hikes?|rises?|increases?)",
        (
            r"(?:上调|上涨|提高|调高)[^，。,；;\s]{0,6}(?:价格|油价|票价|电价|水价|收费)",
            "(?<!联合)(?<!串通)(?<!合谋)涨价",  # not a cartel's (联合涨价: the fine's reason)
            "提价",
            r"(?:油价|票价|电价|水价)[^，。,；;\s]{0,4}(?:上调|上涨|急升|上升)",
        ),
    ),
    "price-cut": (
        r"cuts? (?:\S+ ){0,3}prices?|price cuts?|slash\w* prices?",
        ("降价", "减价", "下调售价", "直降", r"降至[\d.]+元"),
    ),
    # A company's shares suspended from trading (停牌) and a standing in a ranking: news of
    # their own beside the arrest or the win they follow (the chief detained, then the
    # shares suspended the next morning; the title, then the ranking's climb).
    # A company buying back its shares, as its answer the day after a short seller's attack.
    "buyback": (r"buy-?backs?|buys? back|buying back", ("回购",)),
    "trading-halt": (
        r"shares? (?:\w+ ){0,2}suspended|suspends? (?:\w+ )?trading|trading (?:halt|suspen)\w*",
        ("停牌(?!照)",),  # not 被停牌照: a licence suspended
    ),
    "ranking": (
        # not a rank held ("high-ranking official", "ranking member")
        r"(?<![\w-])(?<!search )(?<!page )(?:world |tour )?rankings?\b"
        r"(?! (?:officials?|officers?|members?|diplomats?|generals?|executives?|leaders?))",
        (r"(?:世界|最新|积分)排名", r"排名(?:升|跃升|上升|攀升|下滑|跌)"),
    ),
    # Sequels (`SEQUEL_KINDS`): the market's move on news and a spacecraft's docking after
    # its launch are the news's own story the same day, and news of their own a day later
    # (the next session's rally; the crew docking the morning after lift-off; oil's slump
    # the day after OPEC+ raised output).
    "market": (
        r"(?:shares?|stocks?|bonds?|oil|crude|brent|gold|copper) (?:\w+ ){0,2}(?:fall|falls|fell"
        r"|drop\w*|slump\w*"
        r"|plung\w*|tumbl\w*|sink\w*|sank|slid\w*|jump\w*|surg\w*|soar\w*|rise|rises"
        r"|rising|rose|rall\w*|crash\w*|tank\w*|lose|loses|lost|shed|sheds|slips?|slipped"
        r"|dives?|dived|plummet\w*)|sell-?offs?|market rout"
        r"|wipes? (?:\S+ ){0,4}off (?:\S+ ){0,3}(?:market value|valuation)"
        r"|(?:shares?|stocks?) (?:\w+ ){0,2}hits? (?:the |its |a )?(?:daily |trading )?"
        r"(?:limit(?:-down|-up)?|record low|record high)",
        (
            "股价",
            "收跌",
            "收涨",
            "急挫",
            "暴跌",
            "大跌",
            "跌停",
            "涨停",
            "股市",
            "股债",
            "概念股",
            "插水",  # Hong Kong's plunge
            "市值蒸发",
            # a listing's slide (山海集团港股重挫9.4%)
            r"(?:港股|美股|A股)[^，。,；;\s]{0,2}(?:重挫|急跌|下挫|挫)",
        ),
    ),
    # A currency's move is the market's too: the day after a rate cut, the dollar's slide.
    "currency": (
        r"(?:dollar|peso|yuan|euro|franc|yen|won|rupee|ringgit|lira|rand|rouble|ruble|pound"
        r"|sterling|currency|sol|dong|baht|rupiah|(?:brazil(?:ian|'s|’s) )real|shekel|zloty"
        r"|forint|krona|krone|naira|cedi|shilling|hryvnia|tenge|dirham|riyal|dinar|kwacha|taka"
        r"|kyat) (?:\w+ ){0,2}(?:slid\w*|slump\w*|falls?|fell|drop\w*|plung\w*"
        r"|tumbl\w*|jump\w*|surg\w*|soar\w*|rises|rose|rall\w*|weaken\w*|strengthen\w*"
        r"|(?:hits?|at|to|touch\w*) (?:an? |its )?(?:[\w-]+[- ])?(?:year|month|decade|record|"
        r"all-time)[- ]?(?:high|low|peak)s?)"
        r"|devalu\w*",
        (
            "(?:美元|澳元|纽元|加元|日元|人民币|欧元|比索|卢布|韩元|瑞郎|英镑|卢比|林吉特|里拉|兰特"
            "|索尔|越南盾|泰铢|印尼盾|雷亚尔|新台币|台币|港元|港币|坚戈|兹罗提|福林|克朗|里亚尔"
            "|第纳尔|迪拉姆|奈拉|先令|格里夫纳|缅元|马币)"
            "(?:汇率)?(?:跌|涨|贬|升|走弱|走强|急挫|大跌|暴跌|反弹)",
            "贬值",
            "重贬",
        ),
    ),
    # A state's controls on money leaving (the day after a devaluation).
    "controls": (
        r"capital controls?|currency controls?|(?:caps?|capped|limits?|curbs?) (?:\S+ ){0,3}"
        r"withdrawals",
        ("外汇管制", "资本管制", "限提"),
    ),
    # Commercial banks moving their own deposit or lending rates the day after the central
    # bank's decision: the decision's sequel, news of its own (read before "rate-decision"
    # and cut, so "raise deposit rates" is not also the central bank's move).
    "bank-rates": (
        r"(?:raises?|raised|cuts?|lowers?|lowered|hikes?|hiked|lifts?|lifted|increases?|increased"
        r"|reduces?|reduced) (?!(?:[\w'’-]+ ){0,2}benchmark\b)(?:[\w'’-]+ ){0,3}(?:deposit"
        r"|lending|loan|mortgage|savings) rates?\b|(?<!benchmark )(?:deposit|lending|mortgage"
        r"|savings) rates? (?:\w+ ){0,2}(?:rise|rises|rose|fall|falls|fell|climb\w*)"
        # or sell their own high-yield certificates the day after a hike
        r"|(?:launch\w*|offer\w*|sell\w*|issu\w*) (?:[\w%'’-]+ ){0,3}(?:savings|deposit)"
        r" (?:certificates?|bonds?)",
        (
            r"存单|定存|储蓄证|存款证",
            r"(?:存款|贷款|房贷|按揭|储蓄)利率",
            r"跟进[^，。,；;\s]{0,4}(?:降息|加息)",
            # a lender's own base rate, not a central bank's (国家银行, 储备银行...)
            r"(?<!国家)(?<!中央)(?<!储备)(?<!人民)银行[^，。,；;\s]{0,8}(?:上调|下调)"
            r"[^，。,；;\s]{0,4}(?:基准)?利率",
        ),
    ),
    # A central bank's decision on rates: the decision, then the next day's market.
    "rate-decision": (
        r"(?:cuts?|raises?|hikes?|lowers?|holds?|keeps?) (?:\w+ ){0,3}(?:interest |cash |policy "
        r"|benchmark |key )?rates?\b|rate (?:cut|hike|rise)s?\b"
        r"|(?:quarter|half|\d+(?:\.\d+)?)[- ](?:point|percentage[- ]point|basis[- ]point)"
        r" (?:cut|hike)",
        (
            "降息",
            "加息",
            "减息",
            "升息",
            "利率不变",
            r"(?:上调|下调)[^，。,；;\s]{0,6}利率",
            r"利率(?:上调|下调)",
        ),
    ),
    "docking": (r"dock(?:s|ed)? (?:with|at)|docking", ("对接",)),
}
