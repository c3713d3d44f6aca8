"""The words of the kinds of affairs, in English and Chinese: courts and boards, labour,
business, markets, politics and diplomacy (data for `aggregator.incidents`, read after the
incident kinds of `incident_words`, in this order: a kind whose words hold another's is
read, and cut, before it). Business and public life's kinds (takeovers to rate decisions)
are in `business_words`, read between the courts' and labour's and diplomacy's.

Each entry: kind -> (an English regular expression, matched case-insensitively on word
boundaries; Simplified Chinese words or patterns, matched after Traditional text is folded).
Why each kind is one, and which words were kept out, is said beside it. Pure data: no I/O.
"""

from __future__ import annotations

from .business_words import BUSINESS_KINDS, ELECTS_PM

# a term counted in a ban ("suspended for six months", "for 90 days")
_TERM = r"(?:\d+|one|two|three|four|five|six|eight|ten|twelve)"
# what an authority orders a site to do when it closes it (勒令…停产): the closure's words,
# which `incident_words`' order leaves to it
HALT_ZH = "关闭|关停|停业|停产|停工"

_COURTS_AND_LABOUR: dict[str, tuple[str, tuple[str, ...]]] = {
    # A state's retaliation (Beijing hitting back at a veto, at tariffs, at chip curbs) is
    # news of its own, the same day too: read first and cut with its object, so "回应欧盟否决
    # …收购案" is not also the veto, nor "反制日本芯片出口管制" the curbs. Not 斥 alone (斥资:
    # spends), not "slams" (a cyclone slams into a coast).
    "retaliation": (
        r"(?:hits?|strikes?|struck|fights?|fought) back\b(?: \S+){0,6}|retaliat\w*(?: \S+){0,6}"
        r"|counter-?measures?|vow(?:s|ed)? to (?:defend|protect|retaliate|respond|hit back)"
        r"(?: \S+){0,6}",
        (
            r"(?:反制|报复|回击|反击)[^，。,；;：:\s]{0,20}",
            r"(?:回应|怒斥|痛斥|驳斥|斥责)[^，。,；;：:\s]{0,20}"
            r"(?:裁决|判决|否决|制裁|关税|管制|禁令|收购案|调查|检查|搜查)",
            # the ministry's stock answer: necessary measures, firms' rights defended
            r"采取必要措施|坚决维护[^，。,；;：:\s]{0,12}权益",
        ),
    ),
    # An envoy summoned over an incident: the same day part of its news (Manila summons
    # China's envoy after its cutter is rammed), a day on news of its own (Madrid summons
    # Venezuela's envoy the day after its reporter was held): a sequel (`SEQUEL_KINDS`).
    # Read before the incident's kinds and cut with its object.
    # So is a company's chief summoned by its regulator the day after a data leak (约谈).
    "summons": (
        r"summon(?:s|ed)? (?:\S+ ){0,3}(?:envoy|ambassador|charg[eé] d'affaires|chief|boss|CEO"
        r"|chairman|chairwoman|executives?|bosses)s?(?: \S+){0,6}",
        (
            r"召见[^，。,；;：:\s]{0,10}(?:大使|公使|代办|使节)[^，。,；;：:\s]{0,20}",
            r"约谈[^，。,；;：:\s]{0,20}",
        ),
    ),
    # Released on bail the day after the arrest: news of its own (not "freed" alone: a
    # hostage's release, or a rescue's).
    "bail": (
        r"bail(?:ed)?\b|released on bond|walks? free|(?:frees?|freed|releases?|released) "
        r"(?:\S+ ){0,3}under judicial (?:supervision|control)",
        ("保释", "交保", "取保", r"司法(?:监管|管制|监督)下获释"),
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
    # Prosecutors' or police raids on a firm's offices (搜查), days after the incident they
    # look into: blind half bu's raid on the data centre's operator, read as charges in
    # English (the prosecutors) and as the fire in Chinese. It agrees with the arrests, the
    # charges and the seizures it brings (`incidents._AGREES_WITH`).
    "raid": (
        # by an authority, not a gang's raid on a jewellery shop (a theft)
        r"(?:police|prosecutors?|investigators|agents|officers|authorities|customs|inspectors"
        r"|regulators?|watchdog|commission|Brussels)(?: \S+){0,2} raid(?:s|ed)?\b",
        ("搜查", "突击检查"),
    ),
    # An arrest over an incident is news of its own days later (the fire, then the man
    # held for starting it); the same day it is part of the incident's reports.
    # 拘 with a count: "泰警拘两人" (police detain two), not 拘束 or 不拘
    "arrest": (
        r"arrest\w*|detain\w*|recaptur\w*"
        # the count held ("police raid workshop behind fake pens, nine held"); not a raid
        # alone, a search of offices ("as police raid Nuri Market's headquarters")
        r"|(?:\d+|two|three|four|five|six|seven|eight|nine|ten|dozens?) "
        r"(?:people |suspects |men |women )?held\b|orders? (?:[\w'’-]+ ){0,3}held\b",
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
        r"(?:strikes|walkouts)"
        # an umpire's order ending it ("orders Wattle pilots back to the cockpit")
        r"|(?:orders?|ordered) (?:[\w'’-]+ ){0,3}back to (?:work|the (?:cockpit|job|wheel))"
        r"|suspend(?:s|ed)? (?:the |their |a )?(?:[\w'’-]+ )?(?:strike|walkout|industrial action)",
        (
            "(?:不再|不会再)罢工",
            "(?:叫停|喊停|暂停|中止)[^，。,；;：:]{0,10}罢工",
            "罢工[^，。,；;：:]{0,10}(?:结束|落幕|告终|腰斩)",
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
        (r"(?:否决|阻止|叫停|禁止|驳回|挡下|封杀)[^，。,；;：:]{0,24}(?:收购|并购|合并)",),
    ),
    # A ban imposed (short selling barred the day after the crash; e-cigarettes banned,
    # then the first week's fines; an athlete's, 禁赛): not 叫停 (a halt, the veto's and the
    # mine's word). A body's right to operate suspended is one too (the race organiser,
    # 停办赛资格); a licence revoked (吊销) is a seizure.
    "ban": (
        r"bans?|banned|banning|prohibits?|outlaws?"
        # a person barred for a term ("FIFA suspends Thai football chief for 90 days")
        rf"|suspended for (?:{_TERM}|life)\b"
        rf"|suspends? (?:[\w'’-]+ ){{0,5}}for {_TERM} (?:days|weeks|months|years|matches|games"
        r"|races)\b"
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
        (
            "重新开放",
            "恢复通车",
            "重开(?!谈判|会谈|磋商)",
            "恢复开放",
            "解封",
            # a port or a plant working again after its shutdown (停摆60小时后复工)
            "恢复作业",
            "恢复运营",
            r"(?:停摆|停运|停产|瘫痪)[^，。,；;\s]{0,8}(?:复工|恢复)",
        ),
    ),
    "closure": (
        r"(?:shuts?|closes?|closed|shut|halts?|halted|suspends?|suspended) (?:\S+ ){0,3}"
        r"(?:crossings?|borders?|border posts?|ports?"
        r"|airports?|parks?|zoo|schools?|beaches|roads?|highways?|mines?|plants?|factor(?:y|ies)"
        r"|mills?|refiner(?:y|ies)|smelters?|caterers?|restaurants?|kitchens?|markets?|clinics?)"
        r"|\bschools (?:shut|closed|close)\b",
        (
            r"关闭[^，。,；;\s]{0,6}(?:口岸|边境|机场|港口|公园|动物园|学校|海滩|道路|公路|矿|工厂)",
            r"(?:口岸|公园|动物园|景区)[^，。,；;\s]{0,4}(?:关闭|闭园|暂停开放)",
            r"暂停[^，。,；;\s]{0,4}(?:通关|开放)",
            "闭园",
            "封园",
            # schools shut by an outbreak or a fire's smoke (中小学停课两周)
            "停课",
            rf"(?:勒令|责令|下令)[^，。,；;\s]{{0,12}}(?:{HALT_ZH})",
            # a government halting mines or plants (越南政府叫停…9座煤矿)
            r"(?:叫停|关停)[^，。,；;\s]{0,20}(?:矿|工厂|厂|电厂|化工园)",
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
        r"|(?:court|judges|tribunal|jury|arbitrators|appeal panel) (?:\S+ ){0,2}(?:rules?|ruled"
        r"|keeps|upholds?|overturns?|strikes? down|blocks?|rejects?|pauses?|suspends?|halts?"
        r"|freezes?|lifts?)\b"
        r"|ruling\b(?! (?:[\w'’-]+ )?(?:party|parties|coalition|camp|bloc|elite"
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
            # a court's or a tribunal's decision on an order or an appeal (暂停执行整改令), not
            # one asked of it (要求法院暂停封锁令: the suit's news)
            r"(?<!要求)(?<!请求)(?<!申请)(?<!促请)(?<!吁请)(?:法院|法庭|仲裁庭|仲裁委员会|仲裁机构)[^，。,；;\s]{0,12}"
            r"(?:驳回|暂停|暂缓|维持|撤销|推翻|叫停|冻结)",
            # an appeal thrown out (萬拓上訴被駁回), whoever rules on it
            r"上诉[^，。,；;\s]{0,2}(?:被|遭)(?:驳回|拒绝)",
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
        r"|suspends|suspended|relieves?|relieved) (?:[\w'’-]+ ){0,3}"
        r"(?:board|chiefs?|ceo|heads?|executives?|directors?|chairman|management|coach"
        r"|manager|founder|president|captain|commander|mayor|governor|minister|officials?)"
        r"|relieved of (?:his |her |their )?(?:command|duties|post)",
        (
            r"解散[^，。,；;\s]{0,10}董事会",
            "免职",
            "停职",
            "撤职",
            "罢免",
            "解职",
            "撤换",
            r"解除[^，。,；;\s]{0,12}职务",
            "下台",  # leaving office, pushed or not: a resignation's word too
            r"(?:解雇|开除|解聘)[^，。,；;\s]{0,8}(?:教练|主帅|总裁|总经理|主席)",
            # Hong Kong's 炒 (sack): 板球总会炒主帅, 炒鱿鱼
            r"炒(?:[^，。,；;\s]{0,4}(?:教练|主帅|总裁|总经理|经理|主席|行政总裁)|鱿鱼)",
            # a coach sacked, in sports pages' word (即时下课), not a class let out
            r"(?:主帅|教练|领队)[^，。,；;\s]{0,8}下课|(?:即时|黯然|宣布|被迫)下课",
        ),
    ),
    # A state's measure against another's trade or firms: the export licences Beijing
    # imposes the day after a Dutch court's ruling on a Chinese-owned chipmaker.
    "trade-measure": (
        r"impos\w* (?:\S+ ){0,3}(?:tariffs?|sanctions?|export (?:controls?|licen[cs]es?|curbs?"
        r"|bans?)|curbs|embargo\w*)|export (?:controls?|curbs?|bans?)|sanctions? on"
        r"|anti-?dumping (?:dut(?:y|ies)|tariffs?)|countervailing dut(?:y|ies)"
        # a market closed to the produce of an outbreak's region the day after it
        r"|(?:suspends?|suspended|halts?|halted|bans?|banned|bars?|barred) (?:[\w'’-]+ ){0,4}"
        r"imports?\b|\bimport (?:bans?|suspensions?|halts?)\b",
        (
            r"(?:暂停|停止|禁止|暂缓)[^，。,；;\s]{0,4}(?:进口|输入)",
            "出口管制",
            "制裁",
            "加征关税",
            "许可管理",
            "实施许可",
            "出口许可",
            "禁运",
            "反倾销税",  # duties imposed, not a case or an inquiry
            "反补贴税",
        ),
    ),
    # A regulator's or an airline's grounding after an accident: the pilots grounded the
    # day after the runway excursion.
    # So is a city's pulling a bus fleet off the road for checks the day after a depot fire.
    "grounding": (
        # the verb, not the noun ("airport ground crews strike")
        r"ground(?:s|ed|ing|(?! (?:crews?|staff|handl\w*|workers?))) (?:\S+ ){0,3}"
        r"(?:pilots?|crews?|fleets?|planes?|jets?|aircraft"
        r"|flights?|airliners?|buses)"
        r"|pull(?:s|ed|ing)? (?:\S+ ){0,4}(?:buses|trains|vehicles|trucks|ferries|cars) (?:off"
        r" (?:the )?(?:roads?|streets?|service|rails?|tracks?)|(?:from|out of) service)",
        (
            "停飞",
            r"(?:巴士|公交车|公车|客车|电动车|电动巴士)[^，。,；;\s]{0,4}(?:停运|停驶)",
            # a ministry's order taking a train model out of service (交通部令…列车停驶)
            r"(?:令|要求|下令|勒令)[^，。,；;\s]{0,12}列车[^，。,；;\s]{0,4}(?:停运|停驶)",
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
}
_DIPLOMACY: dict[str, tuple[str, tuple[str, ...]]] = {
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
        # not a place something happens at ("clashes outside Congress end the strike day")
        r"summit|(?<!outside )(?<!near )(?<!at )(?<!in )(?<!into )(?<!before )(?<!storm )"
        r"(?:forum|conference|congress|assembly) (?:opens?|opened|ends?|ended|closes?"
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
    "resignation": (
        r"resign\w*|steps? (?:down|aside)|quits",
        ("辞职", "下台", "请辞", "辞去", "辞任"),
    ),
    # A government falling and its successor named days later are two events; the vows
    # and reactions between them are neither ("vows to name a new prime minister").
    "no-confidence": (
        r"no[- ]confidence|confidence vote|censure motion|government (?:falls|fell|collapses)",
        ("不信任", "倒台", "倒阁"),
    ),
    "appointment": (
        r"(?:names|named|appoints|appointed|picks|picked|taps|tapped) (?:\w+ ){1,4}as\b"
        r"|becomes? (?:\w+ ){0,3}(?:prime minister|president|premier|chancellor|speaker)"
        rf"|elect(?:s|ed){ELECTS_PM}"
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
# In reading order: a kind whose words hold another's is read, and cut, before it.
AFFAIR_KINDS: dict[str, tuple[str, tuple[str, ...]]] = {
    **_COURTS_AND_LABOUR,
    **BUSINESS_KINDS,
    **_DIPLOMACY,
}
