"""The words of incident kinds and kinds of craft, in English and Chinese (data for
`aggregator.incidents`, which reads and compares them). The kinds of affairs (courts,
labour, business, markets, politics) are in `affair_words`, read after these.

Each entry: kind -> (an English regular expression, matched case-insensitively on word
boundaries; Simplified Chinese words or patterns, matched after Traditional text is folded).
Why each kind is one, and which words were kept out, is said beside it. Pure data: no I/O.
"""

from __future__ import annotations

from .affair_words import AFFAIR_KINDS, HALT_ZH

# A product's launch verbs, in the launch kind below and in `headline_cues.launch_maker`
# (who launched it): one list, so a verb the kind learns the maker reads too. 发布 of a
# warning, notice or report is no launch.
PRODUCT_LAUNCH_EN = r"unveil\w*|rolls? out|shows? off"
PRODUCT_LAUNCH_ZH = (
    r"发布(?![^，。,；;\s]{0,6}(?:预警|警报|警告|公告|通知|声明|报告|数据|指引|禁令|名单|规定|新规|提示))",
    "推出",
    "亮相",
    "首发",
)

_VEHICLE = r"(?:bus|coach|truck|lorry|car|van|train|tram|tanker|trailer|minibus)"
# A pledge of money by a state, not firms' or investors' (an investment, no aid).
_NOT_FIRMS = r"(?<!firms )(?<!companies )(?<!investors )"
# kind -> (English pattern, Simplified Chinese words or patterns); Traditional is folded first.
_INCIDENTS: dict[str, tuple[str, tuple[str, ...]]] = {
    # A government's money for a disaster's victims (the pledge two days after the fire) or
    # for a plant (the subsidy the day after the groundbreaking): a sequel
    # (`incidents.SEQUEL_KINDS`), the same day part of the disaster's reports. Read first and
    # cut, so "火灾重建" (rebuilding after the fire) is not also the fire.
    "aid": (
        rf"{_NOT_FIRMS}(?:pledg\w*|earmark\w*|commits?|allocat\w*)"
        r" (?:\S+ ){0,2}(?:[A-Z]{0,3}\$|€|£)[\d.,]+ ?(?:million|billion|bn|m)\b"
        rf"|{_NOT_FIRMS}(?:pledg\w*|earmark\w*|allocat\w*|grants?)"
        r" (?:up to |about |nearly )?[\d.,]+ (?:million|billion|trillion) (?:yen|dollars|euros"
        r"|yuan|won|pounds|rupees)"
        r"|(?:(?:aid|relief|recovery|rebuilding|reconstruction) (?:package|fund\w*)"
        r"|(?:disaster|emergency|federal) (?:aid|relief|funding)"
        r"|(?:pledg\w*|earmark\w*|allocat\w*|approv\w*) (?:\S+ ){1,4}to rebuild)"
        r"(?: (?:for|in) (?:the )?[\w-]+)?(?: [\w-]+){0,2}",
        (
            "拨款",
            r"拨出?[\d.]+[万亿]",
            r"(?:援助|救助|赈灾|救灾|重建)(?:基金|资金|金|款)",
            r"[^，。,；;：:\s]{0,4}(?:灾|震|火)(?:后|民|损)?重建",
            r"获[^，。,；;\s]{0,16}补贴",
            r"(?:政府|省|部)补贴",
            r"补贴(?:至多|最多|最高)?[\d.]+",
        ),
    ),
    # A poisoning (a school's breakfast), then the arrests and the cause the next day.
    "poisoning": (r"(?:food )?poisoning|poisoned", ("中毒",)),
    # A plant's groundbreaking, then the state's subsidy for it the next day.
    "groundbreaking": (r"breaks? ground|broke ground|groundbreaking", ("动工", "动土", "奠基")),
    "collision": (
        r"collid\w*|collision\w*|rams?|rammed|ramming|crash(?:es|ed)? into"
        # cars pile up; rubbish that piles up is no crash
        rf"|pile[- ]?ups?|{_VEHICLE}s? pil(?:e|es|ed|ing) up"
        rf"|{_VEHICLE}s? (?:hits?|smash\w*|slams?|slammed|plough\w*|plow\w*) (?:into )?"
        rf"(?:an? |the |another )?(?:\w+[- ])?{_VEHICLE}s?",
        ("撞", "追尾"),
    ),
    "boarding": (r"board(?:s|ed|ing)\b(?! of)", ("登临", "登检", "登船")),
    "water-cannon": (r"water[- ]cannons?", ("水炮", "水枪")),
    "capsize": (
        r"capsiz\w*|(?:boat|ship|vessel|ferry|trawler|barge)s? sinks?|sinking of|sank|sunk"
        r"|(?:boat|ship|vessel|ferry|trawler|barge|yacht)s? (?:overturn\w*|flip\w*)",
        ("翻覆", "翻沉", "沉没", "倾覆"),
    ),
    # The state taking something away: a vessel seized, a mine's licence revoked, investors
    # stripped of citizenship (the cabinet's act the day after the minister's conviction,
    # licences suspended once a mine's rescue ends).
    "seizure": (
        r"seiz\w*|impound\w*|strip(?:s|ped)? (?:[\w'’-]+ ){0,4}(?:of )?(?:citizenship"
        r"|licen[cs]es?|passports?|titles?|medals?)|revok\w*(?! (?:[\w'’-]+ ){0,4}patents?\b)"
        r"|revocation(?! of (?:[\w'’-]+ ){0,3}patents?\b)"
        r"|suspend(?:s|ed)? (?:[\w'’-]+ ){0,3}(?:licen[cs]es?|permits?|operations)",
        (
            # not a passport held as a condition of bail (交保获释 护照遭扣押)
            r"(?<!护照遭)(?<!护照被)扣押",
            "接管",  # a central bank taking over a failed lender
            "扣留",
            "查扣",
            r"撤销(?![^，。,；;\s]{0,10}专利)",
            "吊销",
            "吊照",  # Taiwan's and Hong Kong's words for a licence revoked
            "撤照",
            "褫夺",
            r"收回[^，。,；;\s]{0,6}(?:护照|国籍|执照|牌照|许可)",
            r"暂停[^，。,；;\s]{0,14}(?:执照|许可|牌照|营业|运营)",
            r"(?:执照|牌照|许可)停权",  # Taiwan's licence suspended (营运执照停权半年)
        ),
    ),
    "fire": (
        r"blaze|fire (?:at|in|breaks|broke|hits|engulfs|kills)|wildfires?|bushfires?"
        r"|(?:forest|grass|brush|scrub) ?fires?|on fire"
        r"|(?:killed|dead|die|dies|died) in (?:an? |the )?(?:\w+ )?fire"
        r"|catch(?:es)? fire|caught fire|ablaze|in flames",
        ("火灾", "起火", "着火", "大火", "失火", "火警", "山火", "野火", "林火"),
    ),
    "explosion": (r"explosion|blast|explod\w*", ("爆炸",)),
    "earthquake": (r"earthquake|quake|tremor", ("地震", "强震", "余震")),
    "storm": (
        r"typhoon|hurricane|cyclone|tropical storm|landfall|tornado\w*|twisters?",
        # not 登陆 alone: also a listing (登陆港交所)
        ("台风", "飓风", "热带风暴", "气旋", "龙卷风", "(?:二度|二次|再度|再次|三度)登陆"),
    ),
    # Snow and ice: the pile-up on an icy road is its own event, not the storm's.
    "winter-storm": (
        r"snow ?storms?|blizzards?|freezing rain|ice storms?|cold (?:wave|snap)s?"
        r"|heavy snow\w*|snowfall|snow (?:traps?|strands?|shuts?|closes?|blocks?|cuts? off)",
        ("暴雪", "冻雨", "寒潮", "暴风雪", "雪灾", "降雪", "大雪"),
    ),
    "flood": (
        r"flood\w*|inundat\w*",
        # a city under a rainstorm (暴雨成灾, 遭季风暴雨袭击), Hong Kong's 水浸
        (
            "洪水",
            "洪灾",
            "水灾",
            "内涝",
            "被淹",
            "淹没",
            "水淹",
            "水浸",
            r"(?:暴雨|豪雨)(?:成灾|袭击)",
        ),
    ),
    # not a vote's ("wins by a landslide", "landslide victory")
    "landslide": (
        r"(?<!by a )(?<!in a )landslide(?! (?:win|victory|defeat|majority|re-?election))"
        r"|mudslide",
        ("滑坡", "泥石流", "塌方"),
    ),
    "avalanche": (r"avalanches?(?! of)", ("雪崩",)),
    # A city's or a country's temperature record: two capitals' records the same afternoon
    # are two events (bound to one place, `incidents.PLACE_BOUND_KINDS`).
    "heat-record": (
        r"hottest (?:\w+ )?(?:day|night) on record|record (?:heat|temperatures?)"
        r"|(?:heat|temperature) records?",
        (r"(?:高温|气温)[^，。,；;]{0,20}(?:纪录|记录)", r"\d+(?:\.\d+)?度破纪录"),
    ),
    "air-crash": (
        # not a race's crash ("20 riders down in crash on descent to Trento")
        r"plane crash|jet crash|crash(?:es|ed)? (?:on|after|near|during)"
        r"(?! (?:the )?(?:[\w'’-]+ ){0,3}(?:descent|stage|lap|sprint|finish|climb)\b)"
        r"|crash[- ]land\w*|(?:balloon|helicopter|glider) crash\w*",
        ("坠机", "坠毁", "失事", "坠地"),
    ),
    # Aircraft incidents short of a crash: one airline at one airport can have an overrun
    # one day and a diversion the next.
    "runway-excursion": (
        # not a budget's ("cost overruns")
        r"(?<!cost )(?<!budget )overrun\w*|overshoot\w*"
        r"|(?:skid|slid|veer|run|ran)\w* off (?:the )?runway|runway excursion",
        ("冲出跑道", "滑出跑道", "偏出跑道", "冲偏出跑道"),
    ),
    "diversion": (
        r"divert\w*|emergency landing|forced landing|(?:makes?|made) (?:an )?emergency|turns? back",
        ("备降", "迫降", "紧急降落", "紧急着陆", "返航"),
    ),
    "turbulence": (r"turbulence", ("颠簸", "湍流", "乱流")),
    "engine-failure": (
        r"engine (?:failure|fire|fault|problem|trouble)s?",
        ("发动机故障", "引擎故障", "发动机起火", "引擎起火", "发动机失灵"),
    ),
    # A vehicle leaving the road, alone: another crash than a collision two days later.
    "plunge": (
        r"plung\w* (?:into|off|down)|veer\w* off (?:the |a )?(?:road|highway|cliff|bridge)"
        # a boat overturning is a capsizing
        r"|(?<!boat )(?<!boats )(?<!ship )(?<!vessel )(?<!ferry )(?<!trawler )(?<!barge )"
        r"(?<!yacht )overturn\w*|rolls? over|rolled over|rollover",
        ("坠入", "坠谷", "坠崖", "坠河", "坠桥", "翻车", "侧翻", "翻覆公路"),
    ),
    "derailment": (r"derail\w*", ("脱轨", "列车出轨")),
    "collapse": (
        r"(?:building|bridge|roof|tunnel|mine|shaft|dam|stage|crane|tower|landfill|dump"
        r"|rubbish|garbage|trash|waste|tailings)s? (?:heap |mountain |dam )?collaps\w*"
        r"|collapse of (?:an? |the )?(?:\w+ )?(?:building|bridge|tunnel|dam|mine|landfill)",
        ("坍塌", "倒塌", "垮塌", "塌方", "崩塌"),  # 塌方: a mine's or a tunnel's, as a hillside's
    ),
    # a crowd crush ("Crush at Madagascar stadium kills 12", 推擠意外, 人踩人)
    "stampede": (
        r"stampede|crowd crush|crush (?:at|in|outside|near|kills|toll)|(?:stadium|concert"
        r"|festival|gate) crush",
        ("踩踏", "推挤事故", "推挤意外", "人踩人"),
    ),
    "hijacking": (r"hijack\w*", ("劫持", "劫机")),
    "cyberattack": (
        r"cyber[- ]?attack\w*|hack(?:ed|ers?|ing)|ransomware|data breach",
        ("网络攻击", "黑客", "勒索软件", "数据泄露"),
    ),
    # An authority's order after an incident (a regulator orders banks to report on the
    # outage, 金融厅责令…提交报告): read before the incident's kinds and cut with its object,
    # so the order is not also the outage it names.
    "order": (
        r"orders? (?:\S+ ){0,6}to (?:report|explain|submit|review|inspect)\b[^,;:]*",
        (
            # an order to close is a closure (勒令永泰石化林园厂停产), one to recall a recall
            # (勒令…回收18万盒), one to suspend an official the suspension (勒令巴科洛德市长停职
            # 90日); the order ends at a space (its clause), not at the fine after it
            rf"(?:责令|勒令)(?![^，。,；;：:\s]{{0,12}}(?:召回|回收|停职|免职|撤职|{HALT_ZH}))"
            r"[^，。,；;：:\s]{0,30}",
            r"(?:下令|要求)[^，。,；;：:]{0,20}(?:报告|说明|整改)",
        ),
    ),
    "outage": (
        r"blackouts?|power (?:outage|cut|failure)s?|outages?",
        ("停电", "断电", "宕机", "当机", "断网", "服务中断"),
    ),
    # Not a party's "leadership spill" (Australia's vote on its leader).
    "spill": (
        r"(?:oil|chemical|gas|toxic) (?:spill|leak)s?|(?<!leadership )spills?",
        ("漏油", "泄漏"),
    ),
    "shooting": (r"shooting|gunman|gunmen|stabbing", ("枪击", "持刀", "砍人")),
    # A rocket's launch, and a product's (the phone, the robot): "launches 17 Ultra" and
    # 发布 are one kind, so the unveiling and the rival's, the next day, are told apart by
    # their makers, and neither by kind from the docking or the market's reaction.
    "launch": (
        # not a sum ("launches hostile 480 billion yen bid"): a model or a rocket's number
        r"launch(?:es|ed)? (?:of )?\w*[- ]?\d+(?![\d.,]*\s*(?:billion|million|trillion|bn|%))"
        r"|lift(?:s|ed)? off|liftoff|blasts? off|" + PRODUCT_LAUNCH_EN,
        ("发射", "升空", *PRODUCT_LAUNCH_ZH),
    ),
    "earnings": (
        r"profit\w*|earnings|revenue|quarterly results|sales (?:rise|fall|jump|drop)",
        ("财报", "营收", "净利", "利润", "盈利", "业绩"),
    ),
    # an animal disease's first case too ("confirms first African swine fever case", 确诊猪瘟)
    "outbreak": (
        r"outbreak|dengue|cholera|swine fever|bird flu|avian (?:flu|influenza)"
        r"|foot[- ]and[- ]mouth",
        ("疫情", "病例", "登革热", "霍乱", "确诊", "猪瘟", "禽流感", "口蹄疫"),
    ),
    # A result taken away (stewards' disqualification hours after a race win, a medal
    # stripped): the win's ruling, news of its own against the win (blind half bu: "Gao
    # stripped of Monza win" and 高宇峰被取消蒙扎冠军 had joined the win). Tried before the
    # final's and a cancellation's words, which its own hold (冠军, 取消), and cut out.
    "disqualification": (
        r"disqualif\w*|(?:stripped |strips? (?:[\w'’-]+ ){1,2})of (?:[\w'’-]+ ){0,3}"
        r"(?:win|victory|title|medals?|gold|crown)"
        r"|(?:loses?|lost) (?:[\w'’-]+ ){0,2}(?:win|victory|title|medal|gold) (?:over|for)",
        (
            r"取消[^，。,；;：:\s]{0,8}(?:冠军|成绩|资格|金牌|奖牌|名次)",
            r"(?:冠军|成绩|金牌|奖牌|名次)[^，。,；;\s]{0,4}(?:被|遭)取消",
            r"剥夺[^，。,；;：:\s]{0,8}(?:冠军|金牌|奖牌|资格|头衔)",
            "褫夺",
        ),
    ),
    # Stages of a tournament: group games (heats), then the semifinals, then the final days
    # later share players, venue and vocabulary. "Reaches the final" is the semifinal's
    # result, so it is tried first and cut out of the headline before the final's words are
    # looked for.
    "group-stage": (
        r"group (?:stage|match|matches|game|games|phase|opener)|round[- ]robin|heats(?! up)"
        r"|preliminar(?:y|ies)|qualifying|takes? (?:\S+ ){0,2}pole|on pole|pole position",
        ("小组赛", "循环赛", "预赛", "初赛", "排位赛", "杆位", "竿位"),
    ),
    # The Chinese words of these two are patterns: a semifinal "advances (to the ...) final"
    # with the tournament's name in between, or "will contest the title with X".
    "semifinal": (
        r"semi[- ]?finals?|quarter[- ]?finals?|into (?:the )?(?:[\w'’-]+ ){0,5}final\b"
        r"|reach(?:es|ed)? (?:the )?(?:[\w'’-]+ ){0,5}(?:final|title match|title decider)"
        r"|set(?:s|ting)? up (?:an? |the )?(?:\w+ ){0,3}final|advanc\w* to (?:the )?final"
        r"|(?:book|seal|clinch)\w* (?:an? |the |his |her |their )?(?:place|spot|berth) in "
        r"(?:the )?final|face \w+(?: \w+)? in (?:the )?final",
        (
            "半决赛",
            "四分之一决赛",
            "[1１]/[248２４８]决赛",  # 1/4决赛: the quarter-final, written as a fraction
            "八分之一决赛",
            # 进 only right before the final (险胜挪威进决赛)
            "(?:进入|晋级|晋身|晋|跻身|闯进|挺进|杀进|闯入|打进|首进|(?<![收投加])入|进(?=决赛|冠军赛))"
            "[^，。,；;]{0,10}(?:决赛|冠军赛)",
            "会师决赛",
            r"(?:止步|无缘)(?:四强|八强|半决赛|决赛)",
            "决赛(?:将)?(?:战|对阵|迎战|再战)",
            "争冠",
            "争夺冠军",
        ),
    ),
    # Standings part-way ("leads after the short programme", 短节目领先, 暂列第三): the
    # next day's result is news of its own (the short programme's leader, then the free
    # skate's winner). Not a change of leader ("takes the lead", 重夺领先): each stage of a
    # rally has one, and a shared kind would join them.
    "leader": (
        r"(?:leads?|led) (?:after|at|going into|heading into|by \w+ (?:shots?|strokes?|points?"
        r"|seconds?))\b",
        (
            r"(?:短节目|首轮|首日|半程|第[一二三1-3]轮)[^，。,；;\s]{0,10}(?:领先|领跑)",
            "暂列",
            "暂居",
        ),
    ),
    "final": (
        # not "final round of talks", "final approval", "his final two years"...: the match,
        # not the last step or stretch of something
        r"finals|final(?! (?:round|decision|report|approval|vote|stage|day|say|warning|"
        r"offer|text|deal|agreement|ruling|version|phase|reading|hearing|quarter|results?|"
        r"count|tally|turnout|"
        r"arguments?|submissions?|statements?|"
        r"(?:\w+ )?(?:years?|months?|weeks?|days|hours?|minutes?|term|session|chapter)\b|"
        r"(?:two|three|four|five|few|\d+)\b))"
        r"|(?:win|wins|winning|won) (?:the )?(?:[\w'’-]+ ){0,3}(?:title|championship|cup|trophy"
        r"|finals|grand prix"
        r"|open(?![-\w])|masters\b)"
        r"|title win"
        r"|crowned|wins? (?:\w+ ){0,4}gold|gold medal|becom\w* (?:[\w'’-]+ ){0,5}champions?\b"
        r"|beats? (?:\S+ ){1,5}to (?:\S+ ){0,3}(?:gold|title|crown)",
        ("决赛", "夺冠", "封后", "封王", "冠军", "亚军", "金牌", "夺金"),
    ),
    # A match's result, by its score or its verb (a league game, then the coach sacked the
    # next day; a result, then the next round a week later). Dropped where a stage of a
    # tournament or a vote is named (`incidents`): the semifinal's "beats X 6-3" is the
    # semifinal, a parliament's 77-74 no match.
    "result": (
        r"(?:beat|beats|beaten|thrash\w*|rout\w*|edges?|edged|hammer\w*|crush\w*|defeat\w*"
        r"|stuns?|stunned|downs?|downed|sinks?|sank|draws?|drew|held|holds?|wins?|won|lose"
        r"|loses|lost|trounc\w*|outclass\w*|overcom\w*|see off|sees off|saw off) (?:\S+ ){0,4}"
        r"\d{1,3} ?[-–] ?\d{1,3}\b|\d{1,3} ?[-–] ?\d{1,3} (?:win|victory|defeat|loss|draw|rout"
        r"|thrashing|drubbing|triumph|home win|away win)",
        (
            r"\d{1,3}\s*比\s*\d{1,3}",
            r"\d{1,3}\s*[:：]\s*\d{1,3}(?=[^，。,；;\s]{0,3}(?:大胜|完胜|胜|负|平|击败|战胜|不敌|逼平|力克))",
            "大胜",
            "完胜",
            "力克",
            "轻取",
            "不敌",
            "负于",
            "逼平",
            "战平",
            "惜败",
            "惨败",
            "绝杀",
        ),
    ),
}
# The affairs after the incidents: the order is the order kinds are read and cut in.
KINDS: dict[str, tuple[str, tuple[str, ...]]] = {**_INCIDENTS, **AFFAIR_KINDS}


# Who was involved, by kind of craft: two collisions at one shoal on consecutive days share
# actors' countries, place and verb, but one is a coast guard ship ramming a cutter and the
# other a militia boat holing a fisheries vessel.
CRAFT: dict[str, tuple[str, tuple[str, ...]]] = {
    "coast-guard": (r"coast ?guards?|cutters?", ("海警", "海巡")),
    "navy": (r"navy|naval|warships?|destroyers?|frigates?", ("军舰", "海军", "驱逐舰", "护卫舰")),
    "militia": (r"militia", ("民兵",)),
    "fishing": (r"fishing|fishermen|fisheries|trawlers?", ("渔船", "渔民", "渔业")),
    "passenger": (r"tourist boats?|ferry|ferries|cruise ship", ("观光船", "游船", "渡轮", "客轮")),
    "speedboat": (r"speedboats?", ("快艇",)),
    "cargo": (r"cargo ships?|freighters?|tankers?|container ships?", ("货轮", "货船", "油轮")),
    "dredger": (r"dredgers?|sand[- ]dredging", ("采砂船", "抽砂船", "挖沙船")),
}
