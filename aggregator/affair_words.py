"""The words of the kinds of affairs, in English and Chinese: courts and boards, labour,
business, markets, politics and diplomacy (data for `aggregator.incidents`, read after the
incident kinds of `incident_words`, in this order: a kind whose words hold another's is
read, and cut, before it).

Each entry: kind -> (an English regular expression, matched case-insensitively on word
boundaries; Simplified Chinese words or patterns, matched after Traditional text is folded).
Why each kind is one, and which words were kept out, is said beside it. Pure data: no I/O.
"""

from __future__ import annotations

# "elects X prime minister": a parliament's choice, the appointment's words and not the
# election's (both kinds read it, one to match it and one to leave it out).
_ELECTS_PM = r" (?:[\w'’-]+ ){1,4}(?:as )?(?:the )?(?:new )?(?:prime minister|premier|chancellor)"

AFFAIR_KINDS: dict[str, tuple[str, tuple[str, ...]]] = {
    # A state's retaliation (Beijing hitting back at a veto, at tariffs, at chip curbs) is
    # news of its own, the same day too: read first and cut with its object, so "回应欧盟否决
    # …收购案" is not also the veto, nor "反制日本芯片出口管制" the curbs. Not 斥 alone (斥资:
    # spends), not "slams" (a cyclone slams into a coast).
    "retaliation": (
        r"(?:hits?|strikes?|struck|fights?|fought) back\b(?: \S+){0,6}|retaliat\w*(?: \S+){0,6}"
        r"|counter-?measures?",
        (
            r"(?:反制|报复|回击|反击)[^，。,；;：:\s]{0,20}",
            r"(?:回应|怒斥|痛斥|驳斥|斥责)[^，。,；;：:\s]{0,20}"
            r"(?:裁决|判决|否决|制裁|关税|管制|禁令|收购案|调查)",
        ),
    ),
    # Released on bail the day after the arrest: news of its own (not "freed" alone: a
    # hostage's release, or a rescue's).
    "bail": (
        r"bail(?:ed)?\b|released on bond|walks? free",
        ("保释", "交保", "取保"),
    ),
    # A borrower's default (a missed coupon), then the rating cut the next morning and the
    # creditors' vote weeks later: each news of its own.
    "default": (
        r"default\w*|miss(?:es|ed)? (?:\S+ ){0,4}(?:coupon|interest|bond|debt|loan)"
        r"(?: payments?)?",
        ("违约", r"未能(?:支付|偿付|兑付)", r"利息未(?:付|支付)", "无力偿还"),
    ),
    "downgrade": (
        r"downgrad\w*|(?:cuts?|lowers?) (?:\S+ ){0,3}(?:to ['‘]?[A-D]{1,3}\b|(?:credit )?rating)",
        (r"(?:下调|调降|降低)[^，。,；;\s]{0,10}评级", r"评级[^，。,；;\s]{0,6}(?:下调|调降)"),
    ),
    # An arrest over an incident is news of its own days later (the fire, then the man
    # held for starting it); the same day it is part of the incident's reports.
    # 拘 with a count: "泰警拘两人" (police detain two), not 拘束 or 不拘
    "arrest": (
        r"arrest\w*|detain\w*|recaptur\w*",
        (
            "逮捕",
            "拘捕",
            "被捕",
            "拘留",
            "刑拘",
            "羁押",
            "抓获",
            r"(?<!不)拘(?=[一二两三四五六七八九十百\d])",
            "被拘",
            "落网",  # caught (6人落網)
        ),
    ),
    # A theft told by its act (steal, 被盗), not by the case's name ("seal theft", 盗窃案),
    # which the arrests days later carry: the theft, then the arrests, are two events.
    "theft": (
        r"st(?:eal|eals|ole|olen)\b|heists?|robbery|robbed|burglar\w*|looted",
        ("被盗", "失窃", "盗走", "被窃", "遭窃", "抢劫"),
    ),
    # A strike's end (the settlement, the return to work) is news of its own, usually the
    # next day: read before "strike", and cut, so "strike ends" is not also a strike.
    "strike-end": (
        r"(?:strike|walkout|stoppage)s? (?:ends?|ended|is over|called off|settled)"
        r"|(?<!-)end(?:s|ed|ing)? (?:[\w-]+ ){0,3}(?:strikes?|walkouts?|stoppages?)"
        r"|settle\w* (?:\w+ ){0,2}(?:strike|dispute)|(?:back|returns?|returned) to work"
        r"|no (?:more |further )?(?:strikes|walkouts)|rul(?:es|ed|ing) out (?:further |more )?"
        r"(?:strikes|walkouts)",
        (
            "(?:不再|不会再)罢工",
            "罢工[^，。,；;：:]{0,10}(?:结束|落幕|告终)",
            "(?:结束|停止)罢工",
            "工潮[^，。,；;：:]{0,10}(?:结束|落幕|平息)",
            "(?:停工|罢工)[^，。,；;：:]{0,6}结束",
            "复工",
            "劳资(?:双方)?达成?(?:协议|共识)",
        ),
    ),
    "strike": (
        r"walkout|walk out(?! of)|on strike|strikes? by"
        r"|(?<!threaten )(?<!threatens )(?<!threatened )(?<!threatening )"
        r"(?:general|national|nationwide) strikes?"
        r"|(?:workers?|unions?|staff|pilots?|drivers?|"
        r"nurses?|doctors?|teachers?|dockworkers?|miners?|stevedores?|collectors?|cleaners?"
        r"|controllers?|guards?|crews?|handlers?|porters?|attendants?) (?:go on |begin |"
        r"launch |stage |threaten (?:to )?(?:go on )?|vote (?:to |for )?)?strikes?\b",
        # not a strike averted (罢工危机解除, 避免罢工): that is the deal's news
        ("(?<!避免)(?<!化解)罢工(?!危机解除|危机化解)", "工潮"),
    ),
    # A government's or a parliament's rejection of a ruling, the day after the court's: read
    # before "verdict" and cut with its object, so "rejects World Court ruling" is not also
    # the ruling. A court "rejecting a claim" is the verdict itself (no "ruling" after it).
    "rejection": (
        r"(?:rejects?|denounces?|condemns?|dismisses|refuses? to (?:recogni[sz]e|accept)) "
        r"(?:\S+ ){0,5}(?:ruling|verdict|judge?ment|award|arbitration)\b",
        (
            r"(?:否决|拒绝承认|不承认|拒绝接受|谴责|抨击)[^，。,；;：:\s]{0,12}(?:裁决|判决|裁定|仲裁)",
            r"宣布[^，。,；;：:\s]{0,12}(?:裁决|判决|裁定|仲裁)[“\"「『]?无效",
        ),
    ),
    # A regulator blocking a deal, then the buyer's chief resigning the next day: read before
    # "acquisition" and cut with its object (否决…收购 is no acquisition).
    "block": (
        r"(?:blocks?|blocked|vetoe?s|vetoed|prohibits?) (?:\S+ ){0,7}"
        r"(?:deal|merger|takeover|acquisition|purchase|bid|tie-up)\b",
        (r"(?:否决|阻止|叫停|禁止|驳回)[^，。,；;：:]{0,24}(?:收购|并购|合并)",),
    ),
    # A ban imposed (short selling barred the day after the crash; e-cigarettes banned,
    # then the first week's fines; an athlete's, 禁赛): not 叫停 (a halt, the veto's and the
    # mine's word). A body's right to operate suspended is one too (the race organiser,
    # 停办赛资格); a licence revoked (吊销) is a seizure.
    "ban": (
        r"bans?|banned|banning|prohibits?|outlaws?"
        r"|suspends? (?:[\w'’-]+ ){0,3}(?:organi[sz]ers?|licen[cs]es?|operators?|permits?)",
        ("禁止", "禁令", "禁赛", "停赛", r"停[^，。,；;\s]{0,10}资格"),
    ),
    # An inquiry ordered (the review of the card system the morning after its outage): a
    # sequel (`incidents.SEQUEL_KINDS`), the same day part of the incident's reports.
    "probe": (
        r"(?:orders?|ordered|opens?|opened|launch\w*|sets? up|begins?|began) (?:an? )?(?:\S+ ){0,2}"
        r"(?:probe|inquiry|investigation|review|checks|inspections?)\b"
        r"|(?:probe|inquiry|investigation) into",
        (
            r"(?:展开|启动|成立|下令|要求|发起|立案)[^，。,；;\s]{0,12}(?:调查|彻查|审查|检讨|排查|检查)",
            "彻查",
        ),
    ),
    # A crossing, a park or a road closed by an authority after an incident, and reopened
    # days later: the closure a sequel (`incidents.SEQUEL_KINDS`: the same day part of the
    # incident's reports, the next day news of its own), the reopening news of its own.
    "reopening": (
        # not talks, a case or an inquiry reopened ("vote on reopening EU membership talks")
        r"(?:re-?opens?|re-?opened|reopening)(?! (?:\S+ ){0,3}(?:talks|negotiations|case|"
        r"inquiry|probe|investigation|debate))|resum\w* (?:\S+ ){0,2}(?:traffic|service|flights)",
        ("重新开放", "恢复通车", "重开(?!谈判|会谈|磋商)", "恢复开放", "解封"),
    ),
    "closure": (
        r"(?:shuts?|closes?|closed|shut) (?:\S+ ){0,3}(?:crossings?|borders?|border posts?|ports?"
        r"|airports?|parks?|zoo|schools?|beaches|roads?|highways?|mines?|plants?|factor(?:y|ies)"
        r"|mills?|refiner(?:y|ies)|smelters?|caterers?|restaurants?|kitchens?|markets?|clinics?)",
        (
            r"关闭[^，。,；;\s]{0,6}(?:口岸|边境|机场|港口|公园|动物园|学校|海滩|道路|公路|矿|工厂)",
            r"(?:口岸|公园|动物园|景区)[^，。,；;\s]{0,4}(?:关闭|闭园|暂停开放)",
            r"暂停[^，。,；;\s]{0,4}(?:通关|开放)",
            "闭园",
            "封园",
            r"(?:勒令|责令|下令)(?:关闭|停业|停产)",
        ),
    ),
    # A notable person's death, then the funeral days later: each news of its own (not a
    # victim's: "dies in fire" is the fire's).
    "death": (
        r"dies (?:at|aged) \d+|died (?:at|aged) \d+|passes away|passed away",
        ("逝世", "病逝", "辞世", "去世", "离世"),
    ),
    "funeral": (
        # not a landslide that "buries homes"
        r"funeral|laid to rest|memorial service|buries (?:its|their|his|her) (?:\w+ )?(?:dead"
        r"|victims?|heroe?s?|sons?|daughters?|mother|father)"
        r"|(?:nation|country|family|families|village|town|city) buries",
        ("葬礼", "国葬", "丧礼", "出殡", "追悼会", "告别式"),
    ),
    # An inquiry's findings (the cause found, a valve seal blamed), days after the incident:
    # news of its own, and the incident it explains is its background (`incidents`).
    "findings": (
        r"blames?|blamed|led to|caused by|(?:probe|investigation|inquiry|investigators)"
        r" (?:finds|found|blames?|blamed)|(?:cause|causes) of (?:the )?\S+ (?:found|identified)",
        (
            r"(?:原因|肇因|起因)[^，。,；;\s]{0,4}查明",
            r"查明[^，。,；;\s]{0,8}(?:原因|肇因|起因|所致)",
            "调查报告",
            "调查结果",
            "调查出炉",
            "归咎",
        ),
    ),
    # An exam's paper (or a ministry's data) leaked, then the test scrapped days later.
    "leak": (
        r"leak(?:s|ed)? (?:\S+ ){0,3}(?:paper|papers|exam|test|data|documents?)"
        r"|(?:paper|exam|test|data) (?:\S+ ){0,2}leak\w*",
        ("泄题", r"(?:试题|考题|数据|资料|文件)[^，。,；;\s]{0,6}泄露", "泄密"),
    ),
    # A test or an event called off (a sequel: flights cancelled are the storm's, the same
    # day; an exam scrapped two days after the leak is news of its own).
    "cancellation": (
        r"scraps?|scrapped|cancels?|cancell?ed|annul\w*|called off",
        ("作废", "取消", "重考"),
    ),
    # Courts and boards: a verdict (the sentence with it) and the next day's dismissal of
    # the convicted man's board by the government are two events of one affair.
    "verdict": (
        r"sentenced|jail(?:s|ed)|convicted|acquitted|found guilty|verdicts?"
        r"|court (?:\S+ ){0,2}(?:rules?|ruled|keeps|upholds?|overturns?|strikes? down|blocks?"
        r"|rejects?)\b|ruling\b(?! (?:[\w'’-]+ )?(?:party|parties|coalition|camp|bloc|elite"
        r"|class|alliance|government|junta|family|dynasty|council|establishment|majority"
        r"|military|democrats|republicans|conservatives|liberals|labour|socialists"
        r"|nationalists|communists)\b)"
        r"|(?:revok\w*|invalidat\w*|strikes? down|struck down|quash\w*|annul\w*)"
        r" (?:[\w'’-]+ ){0,4}patents?\b",
        (
            "获刑",
            "判处",
            "宣判",
            "判决",
            "判刑",
            "入狱",
            "罪成",
            "定罪",
            "无罪释放",
            "法院裁定",
            r"(?:撤销|撤消|驳回|宣告无效|裁定无效)[^，。,；;\s]{0,10}专利",
            r"专利[^，。,；;\s]{0,4}(?:无效|被撤销)",
            "裁决",
            "胜诉",
            "败诉",
        ),
    ),
    "dismissal": (
        # a chief suspended from the post (停职) is removed from it, as one dismissed is
        r"(?:fires|fired|sacks?|sacked|dismiss(?:es|ed)?|ousts|ousted|dissolv(?:es|ed)"
        r"|suspends|suspended) (?:[\w'’-]+ ){0,3}"
        r"(?:board|chiefs?|ceo|heads?|executives?|directors?|chairman|management|coach"
        r"|manager|founder|president)",
        (
            r"解散[^，。,；;\s]{0,10}董事会",
            "免职",
            "停职",
            "撤职",
            "罢免",
            "解职",
            "撤换",
            r"(?:解雇|开除|解聘)[^，。,；;\s]{0,8}(?:教练|主帅|总裁|总经理|主席)",
            # Hong Kong's 炒 (sack): 板球总会炒主帅, 炒鱿鱼
            r"炒(?:[^，。,；;\s]{0,4}(?:教练|主帅|总裁|总经理|经理|主席|行政总裁)|鱿鱼)",
        ),
    ),
    # A state's measure against another's trade or firms: the export licences Beijing
    # imposes the day after a Dutch court's ruling on a Chinese-owned chipmaker.
    "trade-measure": (
        r"impos\w* (?:\S+ ){0,3}(?:tariffs?|sanctions?|export (?:controls?|licen[cs]es?|curbs?"
        r"|bans?)|curbs|embargo\w*)|export (?:controls?|curbs?|bans?)|sanctions? on",
        ("出口管制", "制裁", "加征关税", "许可管理", "实施许可", "出口许可", "禁运"),
    ),
    # A regulator's or an airline's grounding after an accident: the pilots grounded the
    # day after the runway excursion.
    # So is a city's pulling a bus fleet off the road for checks the day after a depot fire.
    "grounding": (
        # the verb, not the noun ("airport ground crews strike")
        r"ground(?:s|ed|ing|(?! (?:crews?|staff|handl\w*|workers?))) (?:\S+ ){0,3}"
        r"(?:pilots?|crews?|fleets?|planes?|jets?|aircraft"
        r"|flights?|airliners?|buses)"
        r"|pull(?:s|ed|ing)? (?:\S+ ){0,4}(?:buses|trains|vehicles|trucks|ferries|cars) off"
        r" (?:the )?(?:roads?|streets?|service|rails?|tracks?)",
        (
            "停飞",
            r"(?:巴士|公交车|公车|客车|电动车|电动巴士)[^，。,；;\s]{0,4}(?:停运|停驶)",
        ),
    ),
    # A regulator's approval of a drug or device, then a rival's price cut the next day.
    "approval": (
        r"(?:approves?|approved|clears?|cleared|authori[sz]es?|authori[sz]ed) (?:\S+ ){0,4}"
        r"(?:drugs?|vaccines?|antibody|treatments?|therapy|medicines?|devices?)\b"
        r"|wins (?:\S+ )?approval",
        (
            "获批",
            r"获[^，。,；;\s]{0,6}批准",
            r"批准[^，。,；;\s]{0,24}(?:上市|新药|疫苗|药)",
            r"核准[^，。,；;\s]{0,16}(?:新药|上市|疫苗|药)",
        ),
    ),
    # A parliament's vote on a budget or a bill, then the government falling the next day.
    "vote": (
        r"(?:parliament|assembly|senate|congress|lawmakers|legislators|mps|house|chamber)"
        r" (?:\S+ ){0,2}(?:(?:rejects?|passes|passed|approves?|votes? down|backs?) (?:\S+ ){0,3}"
        r"(?:budget|bill|law|motion|reform|treaty|amendment)\b|votes? (?:to|through) )",
        (
            r"(?:议会|国会|国民议会|立法会|参议院|众议院|议院)[^，。,；;\s]{0,6}(?:否决|通过|表决)"
            r"[^，。,；;\s]{0,12}(?:预算|法案|议案|法律|改革|修正案)",
            r"(?:议会|国会|国民议会|立法会|参议院|众议院|议院)[^，。,；;\s]{0,6}表决通过",
        ),
    ),
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
        r"\bfine[sd]\b|\bfines \S+ (?:for|over)|penalis\w*|penaliz\w*",
        ("罚款", "罚单", "被罚", "遭罚", "处罚"),
    ),
    # A law, a ban or a contract taken to court, the day after its news: a suit, a
    # constitutional challenge (违宪审查), a petition lodged (入禀), a judicial review.
    "court-challenge": (
        r"(?:challenge[sd]?|challenging|contest(?:s|ed|ing)?) (?:\S+ ){0,6}(?:in|at|before) "
        r"(?:the |a )?(?:\w+ ){0,2}court\b|(?:files?|filed|lodges?|lodged) (?:a |an )?(?:\w+ )?"
        r"(?:lawsuit|suit|legal challenge|petition)\b|takes? (?:\S+ ){0,4}to court\b"
        r"|\bsues\b|\bsued\b|\blawsuit\b|appeal(?:s|ed|ing)?(?! court) (?:against )?(?:\S+ ){0,5}"
        r"(?:ruling|verdict|ban|sentence|suspension)\b",
        (
            "违宪审查",
            "入禀",
            "司法复核",
            "提起诉讼",
            "告上法庭",
            "提告",
            "诉诸法院",
            "上诉(?!法院|庭|获准|得直|成功|失败|被驳回|遭驳回)",
        ),
    ),
    "charges": (
        r"charg(?:ed|es) with|charge[sd] (?:[\w'’-]+ ){0,4}over|indict\w*|prosecut\w*",
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
        rf"|elect(?:s|ed)\b(?!{_ELECTS_PM})"
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
            "涨价",
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
        r"(?<![\w-])(?:world |tour )?rankings?\b"
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
        r"|dives?|dived|plummet\w*)|sell-?offs?|market rout",
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
    # Diplomacy's steps: the text agreed one day and signed the next; a summit's close and
    # the pact two of its members sign the morning after. Silence names no step.
    "agreement": (
        r"agree[sd]? (?:on |to )?(?:[\w'’-]+ ){0,4}"
        r"(?:text|deal|terms|pact|agreement|ceasefire|truce|framework|draft)s?"
        r"|reach(?:es|ed)? (?:an? )?(?:\w+ ){0,2}(?:deal|agreement|consensus|accord)",
        ("达成一致", "达成共识", "达共识", r"达成[^，。,；;\s]{0,4}协议", "谈妥"),
    ),
    "signing": (
        r"(?<!to )(?<!will )sign(?:s|ed)? (?:\S+ ){0,4}"
        r"(?:pacts?|deals?|agreements?|accords?|treaty|treaties|protocols?|declarations?"
        r"|memorand\w+|contracts?|charter|partnership)",
        (
            "签署",
            "签订",
            "草签",
            "签约",
            r"签[^，。,；;\s]{0,8}(?:协议|协定|条约|议定书|宣言|合同|合约|备忘录)",
        ),
    ),
    "summit": (
        r"summit|(?:forum|conference|congress|assembly) (?:opens?|opened|ends?|ended|closes?"
        r"|closed|wraps? up|concludes?|kicks? off)",
        (
            "峰会",
            r"论坛[^，。,；;\s]{0,12}(?:开幕|闭幕|收官|落幕)",
            r"(?:会议|大会)[^，。,；;\s]{0,4}(?:开幕|闭幕)",
        ),
    ),
    "emergency": (
        r"state of (?:calamity|emergency|disaster)|declares? (?:an? )?(?:disaster|emergency)",
        ("紧急状态", "灾难状态", "灾害状态"),
    ),
    "resignation": (r"resign\w*|steps? down|quits", ("辞职", "下台", "请辞", "辞去", "辞任")),
    # A government falling and its successor named days later are two events; the vows
    # and reactions between them are neither ("vows to name a new prime minister").
    "no-confidence": (
        r"no[- ]confidence|confidence vote|censure motion|government (?:falls|fell|collapses)",
        ("不信任", "倒台", "倒阁"),
    ),
    "appointment": (
        r"(?:names|named|appoints|appointed|picks|picked|taps|tapped) (?:\w+ ){1,4}as\b"
        r"|becomes? (?:\w+ ){0,3}(?:prime minister|president|premier|chancellor|speaker)"
        rf"|elect(?:s|ed){_ELECTS_PM}"
        r"|sworn in|(?:approves?|approved|confirms?|confirmed|endorses?|endorsed) (?:[\w'’-]+ )"
        r"{1,4}as (?:the )?(?:new )?(?:prime minister|premier|chancellor|speaker)",
        (
            "(?<!将)任命",
            "宣誓就职",
            "出任",
            r"当选[^，。,；;\s]{0,6}(?:总理|首相)",
            r"选举?[^，。,；;\s]{1,8}为(?:新)?(?:总理|首相)",
        ),
    ),
}
