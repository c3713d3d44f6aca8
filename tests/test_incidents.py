"""Incident kinds of headlines (aggregator/incidents.py) and what they do to story joins."""

from __future__ import annotations

import pytest

from aggregator.headline_cues import repeats
from aggregator.incidents import (
    craft_conflict,
    craft_kinds,
    incident_kinds,
    kind_disagreement,
    main_clause,
)


@pytest.mark.parametrize(
    ("headline", "kinds"),
    [
        ("Chinese coast guard boards Taiwanese tourist boat near Kinmen", {"boarding"}),
        # schools shut (blind half bc), a regulator blocking a deal in Taiwan's word
        ("Ulaanbaatar shuts schools for two weeks as measles cases pass 900", {"closure"}),
        ("Almaty's mask rule: schools shut, hospitals close doors to visitors", {"closure"}),
        ("麻疹病例破900 乌兰巴托全市中小学停课两周", {"closure", "outbreak"}),
        ("日本公平會擋下藥妝併購案 花水收購清良恐破局", {"block"}),
        # blind halves be and bf: a strike cut short, a coach sacked in sports pages' word,
        # freed under judicial supervision, a passport held as bail's condition, an order to
        # recall, a police raid and its count held
        ("蘇格蘭法院頒禁制令 火車司機罷工腰斬", {"strike-end"}),
        ("停摆60小时后吉大港恢复作业 锚地140艘船排队等候", {"reopening"}),
        ("大馬足總炒華倫迪 主場慘敗越南後即時下課", {"dismissal", "result"}),
        ("Dakar court charges Sarr but frees him under judicial supervision", {"bail"}),
        ("塞內加爾反對派領袖薩爾交保獲釋 護照遭扣押", {"bail"}),
        ("食藥署勒令興隆食品回收18萬盒鳳梨酥 黃麴毒素超標", {"recall"}),
        ("Shenzhen police raid workshop behind fake slimming pens, nine held", {"arrest", "raid"}),
        ("Air raid kills 3 in Kharkiv", set()),
        # blind halves bg and bh: a captain relieved, a race's crash (no air crash), a city
        # under a rainstorm, a typhoon's second landfall, an appeal against a fine, a leader
        # stepping aside
        ("Brasilia relieves corvette's captain after Guanabara Bay ferry collision", {"dismissal"}),
        ("Giro leader Ferrandi among 20 riders down in crash on descent to Trento", set()),
        ("Plane crashes on approach to Kathmandu", {"air-crash"}),
        ("孟加拉国吉大港遭季风暴雨袭击 5人死于围墙倒塌", {"collapse", "flood"}),
        ("蘭花二度登陸福建 福州停工停課撤離21萬人", {"closure", "storm"}),
        (
            "Xingrui Mobile appeals against Indian fine, says regulator ignored evidence",
            {"court-challenge"},
        ),
        ("After Rongotai rout, Labour's Harcourt steps aside", {"resignation"}),
        # blind halves bi and bj: a boat overturning (no car leaving the road), an appeal
        # taken to Lausanne, a fine in English and Taiwan's 挨罰, a licence 停權, a mayor
        # suspended in English and by an order (勒令…停職), a listing's slide in Hong Kong, a
        # state's answer to a raid, and no summit where a clash happens outside Congress
        ("Tourist boat overturns on Indonesia's Lake Toba, eight dead", {"capsize"}),
        ("Bus overturns in Peru, 12 dead", {"plunge"}),
        (
            "Whitmore takes four-year ban to Lausanne, blames tainted pork",
            {"court-challenge", "findings"},
        ),
        ("Pretoria hits Protea Mobile with maximum fine over data breach", {"cyberattack", "fine"}),
        ("個資外洩910萬人 南非電信商挨罰1000萬蘭特", {"fine"}),
        ("盧安達重罰渡輪業者 營運執照停權半年", {"seizure"}),
        ("Anti-graft court suspends Bacolod mayor for 90 days", {"dismissal", "verdict"}),
        ("菲律賓反貪污法庭勒令巴科洛德市長停職90日", {"dismissal"}),
        ("山海集团港股重挫9.4% 创两年来最大单日跌幅", {"market"}),
        ("Cheonma Aerospace shares hit daily limit after rocket failure", {"market"}),
        ("Beijing vows to defend Chinese firms after EU raid on Shanhai Go", {"retaliation"}),
        ("商务部回应欧盟突击检查山海购：坚决维护中国企业正当权益", {"retaliation"}),
        ("Clashes outside Congress end Argentina's day of strike", set()),
        ("Party congress ends with new leader", {"summit"}),
        # blind halves bk and bl: a semi-final won into a named final, snow trapping buses,
        # a value wiped off
        ("Qiu Yanan's doubles win sends China into Billie Jean King Cup final", {"semifinal"}),
        ("Italy beat China in Billie Jean King Cup final", {"final"}),
        ("Snow traps buses on Bulgaria's Shipka Pass as army is sent in", {"winter-storm"}),
        ("Yunfeng's recall slide wipes HK$9 billion off its market value", {"market", "recall"}),
        # blind halves bm and bn: an envoy summoned (a sequel kind), an open won, anti-dumping
        # duties imposed (not a case opened), a minister relieved of his post or stepping
        # down, and no final where the Winter Olympics open
        ("Madrid summons Venezuelan envoy over detained reporter", {"summons"}),
        ("西班牙召见委内瑞拉大使 要求释放被扣记者", {"summons"}),
        ("Zhou Yiran beats Novotna to win Qatar Open, her first WTA 1000 title", {"final"}),
        ("Milan Cortina Winter Olympics open with ceremony at San Siro", set()),
        ("Brazil slaps anti-dumping duties of up to 47.3% on Chinese car tyres", {"trade-measure"}),
        ("巴西对华乘用车轮胎征收最高47.3%反倾销税", {"trade-measure"}),
        ("商务部公布对欧盟猪肉反倾销调查最终裁定", set()),
        ("乌兹别克斯坦总统解除能源部长尤尔达舍夫职务", {"dismissal"}),
        ("缺氣危機究責 烏茲別克能源部長下台", {"dismissal", "resignation"}),
        ("Dockworkers walk out at Brazil's Port of Santos", {"strike"}),
        ("Workers strike at Chinese-owned copper mine in Zambia", {"strike"}),
        ("桑托斯港工潮 大豆船期恐延誤", {"strike"}),
        ("Santos strike ends after 30 hours as stevedores accept 9% raise", {"strike-end"}),
        ("劳资达成协议 桑托斯港罢工30小时后结束", {"strike-end"}),
        ("桑托斯港工潮30小時落幕 工人接受加薪9%", {"strike-end"}),
        ("Rotterdam lashers accept pay deal, ending week of port stoppages", {"strike-end"}),
        # an umpire halting it (blind half bo): not the strike it halts
        ("Industrial umpire orders Wattle pilots back to the cockpit", {"strike-end"}),
        ("澳公平工作委员会叫停金合欢航空罢工21天", {"strike-end"}),
        ("Tribunal suspends the pilots' strike for 21 days", {"strike-end"}),
        # a market closed to an outbreak's region the next day (blind half bp)
        (
            "Hong Kong suspends poultry imports from Polish region over bird flu",
            {"outbreak", "trade-measure"},
        ),
        ("食安中心暫停進口波蘭大波蘭省禽肉及禽蛋", {"trade-measure"}),
        ("波兰大波兰省暴发H5N1禽流感 扑杀120万只蛋鸡", {"outbreak"}),
        # a fine told by its size (blind half bo)
        ("Record fine closes one chapter of Bomnal's data breach", {"cyberattack", "fine"}),
        ("Watchdog hands Bomnal a 41.5 billion won fine", {"fine"}),
        ("Fine dining returns to Kyiv", set()),
        # blind half br: the two languages of one report named other kinds
        ("FIFA suspends Thai football chief Somsak for 90 days", {"ban", "dismissal"}),
        ("Judge in Berlin platform final suspended for six months", {"ban", "final"}),
        ("Exchange suspends trading for three hours", {"trading-halt"}),
        ("国际体育仲裁法庭驳回颂萨请求 国际足联禁令维持", {"verdict"}),
        ("Seoul court pauses order forcing Durumi to rewrite its search ranking", {"verdict"}),
        ("首爾高等法院暫停杜魯米整改令", {"verdict"}),
        ("祖莫控告坦尚尼亞通訊管理局 要求法院暫停封鎖令", set()),  # asked of it (half bq)
        # blind halves bs and bt
        ("Taipei pulls 12 bullet trains from service after Zuoying overrun", {"grounding"}),
        ("交通部令高鐵12列T900型列車停駛 全面檢查煞車", {"grounding"}),
        ("Mass crash on Col d'Aspin descent brings down 23 riders", set()),  # a race's crash
        ("Plane crashes on approach to Kathmandu", {"air-crash"}),
        ("歐盟執委會重罰三藥廠6.12億歐元 安莫西林原料聯合漲價", {"fine"}),  # a cartel's
        ("維爾特拉股價急跌9% 揚言上訴歐盟法院", {"market"}),  # a threat to appeal
        ("南韓開罰春日商城415億韓元", {"fine"}),
        ("Brussels judges freeze early-retirement penalty in pension law", {"verdict"}),
        ("Patent appeal court lifts Nokia's European ban on Transsion phones", {"verdict"}),
        # the prosecutor is who orders it held, no charge (stop 39)
        ("Cairo prosecutor orders caterer held over deadly wedding feast", {"arrest"}),
        # a regulator summoning a company's chief the day after its leak (half ah), cut with
        # its object: the leak is the summons's reason
        ("Bangkok regulator summons Kinnari chief over data leak", {"summons"}),
        ("泰國國家廣播電信委員會約談金娜莉行動執行長", {"summons"}),
        ("Montreal longshoremen launch open-ended strike", set()),  # "ended" inside a word
        ("Israeli strike at Gaza hospital kills 12", set()),  # not a labour strike
        ("中國海警登檢金門觀光船 海委會：嚴重侵犯我方管轄", {"boarding"}),
        ("Two dead as Chinese speedboat capsizes while fleeing coast guard", {"capsize"}),
        ("金門再有大陸快艇被台海巡追逐翻沉 兩人死亡", {"capsize"}),
        ("Coast guard ship rams Philippine cutter near Sabina Shoal", {"collision"}),
        ("仙賓礁兩日兩撞 菲漁業船遭民兵船撞穿", {"collision"}),
        ("Chipmaker's quarterly profit jumps 40%", {"earnings"}),
        ("台积电第四季净利创新高", {"earnings"}),
        ("Fire breaks out at chip fab in Tainan", {"fire"}),
        ("温网女单半决赛：王欣瑜先胜一盘遭逆转", {"semifinal"}),
        ("Sinner beats Zverev to reach final", {"semifinal"}),
        ("Andreeva beats Gauff to win first Wimbledon title at 19", {"final"}),
        # courts, boards and diplomacy's steps; a launch of a phone as of a rocket
        ("Former port chief jailed for nine years over bribes", {"verdict"}),
        ("前港務局長受賄案宣判 判處有期徒刑9年", {"verdict"}),
        ("Government fires state miner's board after graft verdict", {"dismissal"}),
        ("国资委解散某钢铁集团董事会", {"dismissal"}),
        ("Kenya and Ethiopia agree text of water-sharing pact", {"agreement"}),
        ("两国外长就停火协议文本达成一致", {"agreement"}),
        ("Kenya and Ethiopia sign water-sharing treaty in Addis Ababa", {"signing"}),
        ("兩國簽水資源協定", {"signing"}),
        ("Kenya and Ethiopia to sign treaty on Sunday", set()),  # not yet signed
        ("两国定于周日签署条约", set()),  # scheduled: not what happened
        ("Andean summit ends with pledge on lithium", {"summit"}),
        ("东盟峰会在吉隆坡开幕", {"summit"}),
        ("Philippines declares state of calamity in three provinces", {"emergency"}),
        ("Honor unveils Magic 9 foldable", {"launch"}),
        ("荣耀发布Magic 9折叠屏", {"launch"}),
        ("气象台发布暴雨红色预警", set()),  # a warning issued is no launch
        ("Lawyers make final arguments in patent case", set()),  # no match's final
        ("Rail union reaches deal, ending six-day strike", {"agreement", "strike-end"}),
        ("Cabinet strips 12 investors of citizenship", {"seizure"}),
        ("矿业部吊销金矿开采执照", {"seizure"}),
        ("隧道发生塌方 12人被困", {"collapse", "landslide"}),
        ("Chipmaker's shares slump 9% in Seoul", {"market"}),
        ("芯片股尾盘跳水 两家公司跌停", {"market"}),
        ("Cargo craft docks with space station", {"docking"}),
        ("State builder signs $3.1 billion deal for port upgrade", {"signing"}),
        ("中鐵與坦尚尼亞簽18億美元鐵路合約", {"signing"}),
        ("Japan imposes export controls on chipmaking gases", {"trade-measure"}),
        ("商务部对两家企业实施出口管制", {"trade-measure"}),
        ("Regulator grounds two pilots after hard landing", {"grounding"}),
        ("民航局下令停飞涉事机组", {"grounding"}),
        ("Appeals court upholds ban on ride-hailing app", {"verdict"}),
        ("Ruling party wins snap election", {"election"}),  # no court's ruling
        ("法院裁定股权继续托管", {"verdict"}),
        ("Race for cheaper batteries heats up", set()),  # no athletics heats
        ("Lynk shows off its first solid-state sedan", {"launch"}),
        ("Brewer agrees to buy 60% stake in rival", {"acquisition"}),
        ("饮料公司在港交所挂牌 首日收涨23%", {"listing", "market"}),
        ("Drinks maker closes 23% higher on debut", {"listing"}),
        ("小米登陆港交所", {"listing"}),  # 登陆 alone is no typhoon's landfall
        # a government's rejection of a ruling is no ruling; a court rejecting a claim is one
        ("Caracas rejects World Court ruling as assembly votes it null", {"rejection"}),
        ("委内瑞拉国民议会投票宣布国际法院裁决“无效”", {"rejection"}),
        ("委內瑞拉國會否決國際法院判決", {"rejection"}),
        ("World Court upholds 1899 border award, rejecting Venezuela's claim", {"verdict"}),
        ("国际法院维持1899年边界裁决", {"verdict"}),
        # a regulator's block of a deal is no acquisition; the chief's resignation after it is
        ("South Korea blocks Delivery Hero's $3.1 billion Coupang Eats deal", {"block"}),
        ("韩国公平委否决Delivery Hero收购Coupang Eats", {"block"}),
        ("南韓公平會否決外送平台併購案", {"block"}),
        ("Brewer agrees to buy 60% stake in rival as regulator reviews", {"acquisition"}),
        ("Delivery Hero founder steps down", {"resignation"}),
        ("收购案被否次日 创始人宣布辞去CEO", {"resignation"}),  # the day before is background
        ("Leader's title hopes end in a rollover", {"plunge"}),
        # a central bank's decision, then the next day's currency move
        ("Reserve Bank of Australia cuts cash rate to 3.10% as inflation cools", {"rate-decision"}),
        ("Central bank surprises with quarter-point cut", {"rate-decision"}),
        ("日本央行将政策利率上调至1%", {"rate-decision"}),
        ("澳洲联储意外降息25个基点", {"rate-decision"}),
        ("Australian dollar slides to 14-month low as banks pass on cut", {"currency"}),
        ("澳元跌至14个月低点 澳股收创历史新高", {"currency"}),
        ("四大銀行全數跟減按揭利率", {"bank-rates"}),  # the banks passing it on: their own rates
        # standings part-way, then the result the next day; a change of leader is neither
        ("花滑中国杯男单短节目 键山优真领先 马利宁摔倒暂列第三", {"leader"}),
        ("Scheffler leads by two shots at Augusta", {"leader"}),
        ("Malinin lands quad axel to win Cup of China", {"final"}),
        ("Al-Attiyah retakes the lead as leader rolls", set()),
        # a theft by its act, not by the case's name the arrests carry
        ("Thieves steal three jade seals from museum", {"theft"}),
        ("博物馆三枚玉玺被盗", {"theft"}),
        ("Two arrested over museum jade seal theft", {"arrest"}),
        ("玉玺盗窃案两人被捕", {"arrest"}),
        # an authority's order after an incident is not also the incident it names
        ("Japan's FSA orders banks and PayPay to report on cloud outage", {"order"}),
        ("日本金融厅责令银行就云服务宕机提交报告", {"order"}),
        ("AWS Tokyo outage knocks out PayPay", {"outage"}),
        ("亚马逊云科技东京区域宕机六小时", {"outage"}),
        ("民航局下令停飞涉事机组", {"grounding"}),  # an order to ground is a grounding
        # a parliament's vote, then the government falling the day after: 次日 is background
        ("Croatian parliament rejects budget in blow to government", {"vote"}),
        ("克罗地亚议会否决2028年预算案", {"vote"}),
        ("预算案遭否决次日 克罗地亚总理辞职", {"resignation"}),
        # 下台 is leaving office, pushed or not (blind half bm: a minister sacked, told so)
        ("克羅地亞總理辭職 預算案被否決後翌日下台", {"dismissal", "resignation"}),
        # a drug's approval, then the rival's price cut the day after
        ("China approves Qiyuan's Alzheimer's antibody", {"approval"}),
        ("沃森生物RSV疫苗獲內地批准", {"approval"}),
        ("国产新药获批次日 卫材宣布在华降价四成", {"price-cut"}),
        # a club sacking its coach
        ("Chengdu Rongcheng sack coach Valente after Guoan rout", {"dismissal"}),
        ("成都蓉城解雇主教练瓦伦特", {"dismissal"}),
        ("斯里蘭卡板球總會炒主帥 魯帕辛哈決賽失利翌日下台", {"dismissal", "resignation"}),
        ("楼市炒作降温", set()),  # 炒 without the one sacked is hype, no sacking
        # a fleet pulled off the road after a fire; a company's buyback the day after an attack
        ("Bangkok pulls 400 Sunwheel electric buses off the road for checks", {"grounding"}),
        ("曼谷400辆日轮电动巴士停运检查", {"grounding"}),
        ("曼谷400輛日輪電動公車停駛檢查 37條路線受影響", {"grounding"}),
        ("“杨柳”登陆台湾东南部：1死 南回铁路停驶", set()),  # a storm's rail line, no fleet
        (
            "Greenspring calls short seller's report 'malicious', plans HK$500 million buyback",
            {"buyback"},
        ),
        ("綠泉復牌彈18% 斥沽空報告惡意 回購5億元", {"buyback"}),
        # a company's shares losing, Hong Kong's 插水; banks selling their own certificates
        ("Redgum shares lose 41% as trading resumes", {"market"}),
        ("紅桉鋰業復牌插水41%", {"market"}),
        ("Egypt's biggest state banks launch 30% savings certificates", {"bank-rates"}),
        ("埃及國有銀行推30厘定存證 分行大排長龍", {"bank-rates"}),
        # a settlement that rules out strikes ends one
        ("汉莎航空与工会达成地勤薪资协议 2029年前不再罢工", {"agreement", "strike-end"}),
        ("Airline and union agree pay deal, ruling out strikes", {"agreement", "strike-end"}),
        ("Peso surges on float debut", {"currency"}),  # a currency's move, no listing
        ("Chipmaker to cut 4,000 jobs", {"layoffs"}),
        ("綠聯回收49萬個行動電源", {"recall"}),
        ("Bank fined T$16 million over leak", {"fine"}),
        ("Former CEO charged with fraud", {"charges"}),
        # polling day, then the result the next morning (half ax's Iceland)
        ("Greenland votes in independence referendum", {"polling"}),
        ("Referendum on Greenland's independence", {"referendum"}),
        ("Icelanders vote on reopening EU membership talks", {"polling"}),
        ("冰岛就是否重启入盟谈判举行全民公投", {"polling"}),
        ("Iceland votes 53.8% to resume EU accession talks", {"referendum-result"}),
        ("冰岛公投53.8%赞成重启入盟谈判", {"referendum-result"}),
        ("冰島公投過半數支持重啟入歐盟談判", {"referendum-result"}),
        ("Bridge reopens to traffic after crash", {"reopening"}),
        ("Manila airport ground crews strike, stranding 30,000 passengers", {"strike"}),
        ("Regulator grounds airline's crews after near miss", {"grounding"}),
        ("Chan stuns Abdelaziz to become Hong Kong's first squash world champion", {"final"}),
        ("Vanuatu parliament elects Joel Tamata prime minister, 30 votes to 22", {"appointment"}),
        ("瓦努阿图议会以30票对22票选举塔马塔为总理", {"appointment"}),
        ("Tamata elected in a landslide", {"election"}),
        # a ban or a ruling taken to court is news of its own (half ay's under-16 ban)
        ("ClipNest to challenge Thai under-16 ban in Constitutional Court", {"court-challenge"}),
        ("短视频平台剪巢将就泰国青少年社媒禁令提起违宪审查", {"court-challenge"}),
        ("剪巢入稟泰國憲法法院 挑戰16歲以下社交媒體禁令", {"court-challenge"}),
        ("Ssebunya takes EPO ban to Court of Arbitration for Sport", {"court-challenge"}),
        ("东帝汶上诉法院驳回反对派请求", {"verdict"}),  # the ruling, no court challenge
        ("卢浩轩惜败费兰特 获ATP年终总决赛亚军", {"final"}),
        ("Taiwan confirms first African swine fever case, halts pig transport", {"outbreak"}),
        ("Hong Kong bans Taiwanese pork over swine fever", {"ban"}),
        ("Carmaker slashes prices on two models", {"price-cut"}),
        ("Fine weather brings crowds to the coast", set()),
        ("安德烈耶娃溫網封后", {"final"}),
        ("Typhoon makes landfall in Hainan", {"storm"}),
        ("熱帶氣旋艾薇拉登陸莫三比克", {"storm"}),
        ("Bus plunges into ravine on highway, killing 24", {"plunge"}),
        ("夜班客運墜谷 至少24死", {"plunge"}),
        ("Bus hits fuel tanker, 15 killed in fire", {"collision", "fire"}),
        ("Tang sets championship record in 100m breaststroke heats", {"group-stage"}),
        ("女子100米蛙泳预赛 唐钱婷排名第一", {"group-stage"}),
        ("Tang wins world 100m breaststroke gold", {"final"}),
        ("唐钱婷夺得世锦赛100米蛙泳金牌", {"final"}),
        ("Police arrest man on suspicion of starting Samos fire", {"arrest"}),
        ("希腊警方逮捕一名涉嫌纵火男子", {"arrest"}),
        ("Jet skids off runway in heavy rain at Kathmandu", {"runway-excursion"}),
        ("客机降落时滑出跑道 无人受伤", {"runway-excursion"}),
        ("Cathay flight diverts to Fukuoka after smoke in cabin", {"diversion"}),
        ("國泰航班機艙冒煙 緊急降落福岡", {"diversion"}),
        ("Passengers hurt as flight hits severe turbulence", {"turbulence"}),
        ("Commuter train derails outside Mumbai", {"derailment"}),
        ("工地塔吊倒塌 三人受伤", {"collapse"}),
        ("Ransomware attack halts hospital systems", {"cyberattack"}),
        ("Blackout leaves millions without power in Java", {"outage"}),
        ("Lee beats Kim to set up Busan final against Park", {"semifinal"}),
        ("李宇挺进国际公开赛决赛 将与王浩争冠", {"semifinal"}),
        ("Park beats Lee 10-7 to win the Busan Championship", {"final"}),
        ("Okafor upsets top seed in Season Finals group match", {"group-stage"}),
        ("赛季总决赛小组赛：李宇逆转王浩", {"group-stage"}),  # 总决赛 names the event
        ("Okafor beats top seed to win the Season Finals", {"final"}),
        ("Okafor beats Lee to reach Season Finals title match", {"semifinal"}),
        ("强震致多栋房屋倒塌", {"earthquake", "collapse"}),
        ("Government falls as premier loses no-confidence vote", {"no-confidence"}),
        ("总统任命前财长为新总理", {"appointment"}),
        ("Four killed as 56 vehicles pile up on icy expressway", {"collision"}),
        ("高速公路多车追尾", {"collision"}),
        ("Freezing rain strands thousands of travellers", {"winter-storm"}),
        ("湖南遭遇冻雨 高铁列车晚点", {"winter-storm"}),
        ("亚洲杯1/4决赛：国足0比2不敌日本", {"semifinal"}),  # the quarter-final
        ("日韓大戰 日本4:3淘汰南韓入亞洲盃決賽", {"semifinal"}),
        ("港隊晉身決賽", {"semifinal"}),
        ("年終總決賽 林俊易激戰三局不敵昆拉武特 止步四強", {"semifinal"}),
        # a match's result, then the coach sacked the next day; no vote's tally
        ("Guoan thrash Chengdu 4-0 to pile pressure on coach", {"result"}),
        ("中超：國安4:0大勝蓉城 主帥帥位危", {"result"}),
        ("蓉城2比1力克海港", {"result"}),
        ("Rovers held to 1-1 draw at home", {"result"}),
        ("惨败国安次日 成都蓉城解雇主教练", {"dismissal"}),
        ("Parliament rejects budget 77-74, government defeated", {"vote"}),
        ("Train departs at 10:30 from platform 4", set()),
        # a government's money for a disaster's victims, not the disaster again
        ("Canberra pledges A$250 million as Perth Hills counts the cost", {"aid"}),
        ("坎培拉撥2.5億澳幣 助伯斯山區野火災民重建", {"aid"}),
        ("澳联邦政府拨款2.5亿澳元 支持珀斯山区火灾重建", {"aid"}),
        ("Albania pledges 2 billion lek to rebuild quake-hit Durres homes", {"aid"}),
        ("秘鲁国会批准32亿索尔地震重建基金", {"aid"}),
        ("Quake kills 40 as government pledges emergency aid", {"earthquake", "aid"}),
        ("Chinese firms pledge $18.6 billion for Indonesia", set()),  # investment, no aid
        ("Bushfire forces thousands to flee Perth Hills", {"fire"}),
        ("Tornado kills five in southern China's Foshan", {"storm"}),
        ("Oil slumps 6% to four-year low", {"market"}),  # a commodity's move
        # the day before is background: the halt, not the circuit breaker's plunge
        ("泰股熔斷隔天 泰國證管會宣布停牌", {"trading-halt"}),
        ("Oil and gas firm names new chief", set()),
        # a state's retaliation, cut with its object (the veto, the curbs)
        ("Beijing hits back at Brussels over forklift veto", {"retaliation"}),
        ("商务部回应欧盟否决擎天重工收购案：坚决反对", {"retaliation"}),
        ("中方反制日本芯片出口管制 禁向日军事用户出口镝铽", {"retaliation"}),
        ("日本财务省证实斥5.14万亿日圆干预汇市", set()),  # 斥资: spent
        ("Cyclone slams into Madagascar's east coast", {"storm"}),
        # a ban imposed, and an inquiry ordered (a sequel: the next day news of its own)
        ("Bangkok bans short selling and sends state fund to prop up stocks", {"ban"}),
        ("泰国证监会禁止卖空60天", {"ban"}),
        ("马拉松冠军被临时禁赛", {"ban", "final"}),  # 冠军: the winner, read as a final
        ("HKMA orders independent review of Octopus after morning outage", {"probe"}),
        ("香港特区政府成立独立委员会展开调查", {"probe"}),
        ("Chang'e-7 probe launched successfully", set()),
        # the steps of a debt, an arrest, a closure and a launch's rival
        ("Chinese developer misses $42 million coupon", {"default"}),
        ("恒润集团未能支付4200万美元债券利息", {"default"}),
        ("Fitch cuts Hengrun to 'C' after missed coupon", {"downgrade"}),
        ("惠誉将恒润集团评级下调至C", {"downgrade"}),
        ("Singer freed on NT$300,000 bail, barred from leaving Taiwan", {"bail"}),
        ("曾嘉樂30萬元交保 限制出境", {"bail"}),
        ("Beijing shuts Khunjerab crossing as highway stays buried", {"closure"}),
        ("红其拉甫口岸暂停货运通关", {"closure"}),
        ("Mountain highway reopens a week after landslide", {"reopening"}),
        ("加纳央行接管阿夸巴储蓄银行", {"seizure"}),
        ("科沃斯旗舰扫地机器人直降2000元", {"price-cut"}),
        ("Pilots threaten strike over pay", {"strike"}),
        ("Regulator orders transformer checks at all reactors", {"probe"}),
        # a devaluation then capital controls; a leak then the test scrapped; an offering
        # priced then its debut; qualifying then the race; a funeral then the successor
        ("Malawi devalues kwacha by 32%", {"currency"}),
        ("Lilongwe caps dollar withdrawals a day after devaluation", {"controls"}),
        ("马拉维实施外汇管制", {"controls"}),
        ("Pakistan medical entry test paper leaked hours before exam", {"leak"}),
        ("Sindh scraps leaked medical entry test, orders re-sit", {"cancellation"}),
        ("Xiaohongshu prices Hong Kong IPO at top of range", {"ipo-pricing"}),
        ("小红书按上限定价 公开发售超购410倍", {"ipo-pricing"}),
        ("Xiaohongshu closes 22% above IPO price on Hong Kong debut", {"listing"}),
        ("Moretti takes Singapore pole for Ferrari", {"group-stage"}),
        ("Hastings wins Singapore Grand Prix", {"final"}),
        ("Duarte beats world-record holder Jiang to Paralympic butterfly gold", {"final"}),
        (
            "China beat Turkey 3-2 to reach the women's volleyball world championship final",
            {"semifinal"},
        ),
        ("Samoa buries head of state in state funeral", {"funeral"}),
        ("Samoa's parliament elects former speaker as head of state", {"election"}),
        ("萨摩亚议会选举前议长马塔吉为新任国家元首", {"election"}),
        ("Cantopop singer dies at 71", {"death"}),
        ("Volunteer firefighter killed as bushfire burns homes", {"fire"}),
        ("Colombo raises petrol price by 42 rupees after refinery blast", {"price-rise"}),
        ("斯里兰卡上调燃油价格", {"price-rise"}),
        ("UMC breaks ground on chip plant in Kitakyushu", {"groundbreaking"}),
        ("Tokyo pledges up to 240 billion yen for chipmaker's new fab", {"aid"}),
        ("联电北九州新厂获日本政府最高2400亿日元补贴", {"aid"}),
        ("擎天重工收购凯斯勒被欧盟叫停 首例外国补贴否决", {"acquisition"}),
        ("71 children ill in food poisoning at summer camp", {"poisoning"}),
        ("翁源夏令营3名嫌疑人被刑拘", {"arrest"}),
        # the incident an arrest or an inquiry's findings are about is their background
        ("翁源夏令营中毒事件查明系亚硝酸盐所致 3名嫌疑人被刑拘", {"arrest", "findings"}),
        ("廣東夏令營中毒案 醬汁驗出亞硝酸鹽 3人遭羈押", {"arrest"}),
        ("雲南大姚山林大火肇因查明 58歲村民燒稻草釀禍", {"findings"}),
        ("Blocked drain and disabled sensor led to Whoosh derailment", {"findings"}),
        ("LandSpace blames a cracked valve seal for the failed launch", {"findings"}),
        ("71 children ill in food poisoning at summer camp", {"poisoning"}),
        ("西澳珀斯山区山火失控", {"fire"}),
        ("合宁高速“12·14”事故调查结果公布 5名责任人被问责", {"findings"}),
        ("安徽大霧連環相撞調查出爐 高速公司5人被問責", {"collision", "findings"}),
        # a chief suspended is removed from the post; the blast it is over is background
        ("Sri Lanka suspends state oil firm's chairman over refinery blast", {"dismissal"}),
        ("泰国交通部长下令停职航空无线电公司总裁", {"dismissal"}),
        ("深圳警方抓获四名涉嫌香港珠宝店抢劫案嫌疑人", {"arrest"}),
        ("周明轩6比4胜里德 首进威尔士公开赛决赛", {"semifinal"}),
        ("China launches Shenzhou-20 crew", {"launch"}),
        # the vote a leader resigns over is background
        ("核电公投失利 斯洛文尼亚总理祖潘辞职", {"resignation"}),
        # a crowd crush; the match it came before is background
        ("Crush at Madagascar stadium kills 12 before cup final", {"stampede"}),
        ("馬達加斯加球場推擠意外 至少12死", {"stampede"}),
        ("Balloon catches fire over Mexico's Teotihuacan pyramids, two dead", {"fire"}),
        ("墨西哥熱氣球着火墮下 三死一童燒傷", {"fire"}),
        ("Hot-air balloon crash-lands in Cappadocia, killing one", {"air-crash"}),
        # charges over an incident: the incident is background; 被控制 is custody
        ("Vietnam charges cave tour boss over flood that trapped 11", {"charges"}),
        ("马达加斯加踩踏事故 体育场经理等4人被控过失杀人", {"charges"}),
        ("貴州六盤水煤礦瓦斯爆炸14死 礦主被控制", {"explosion"}),
        ("Game maker's board ousts founder over 'Ashen Crown' cost overruns", {"dismissal"}),
        ("香港七人欖球賽 斐濟19:14險勝紐西蘭晉決賽", {"semifinal"}),
        ("星耀電競3:1擊敗北極光 挺進MSI冠軍賽", {"semifinal"}),
        ("Guangxi suspends Nanning race organiser", {"ban"}),
        ("南寧半馬三死 主辦商被停辦賽資格", {"ban"}),
        ("Jinhe shares suspended in Hong Kong as board names acting chief", {"trading-halt"}),
        ("金禾生物港股停牌 梁舒暂代总裁", {"trading-halt"}),
        ("Lin climbs to third in world golf ranking", {"ranking"}),
        ("林浩然世界排名升至第三", {"ranking"}),
        ("High-ranking Chinese official visits Manila", set()),
        ("China beat Australia 81-77 to win women's Asia Cup in Xiamen", {"final"}),
        ("金娜莉外洩案 泰警孔敬拘兩前承辦商員工", {"arrest"}),
        ("達卡拉力賽第10站 洛布奪站冠登上總排名第一", set()),  # the overall lead, no ranking
        # a currency's move is the decision's sequel, in any currency's name
        ("Peruvian sol hits three-year high after surprise hike", {"currency"}),
        ("秘鲁索尔升至三年高位 国债收益率跳升", {"currency"}),
        ("Brazil's real slides to record low", {"currency"}),
        ("Real estate stocks fall", {"market"}),
        # lenders following the central bank: their own rates, not its decision
        ("Vietcombank, BIDV raise deposit rates after central bank move", {"bank-rates"}),
        ("越南多家银行上调存款利率 一年期最高5.2%", {"bank-rates"}),
        ("马来亚银行和联昌国际下调基准利率 跟进央行降息", {"bank-rates"}),
        ("马来西亚国家银行下调基准利率", {"rate-decision"}),
        ("China cuts benchmark lending rates for first time this year", {"rate-decision"}),
        # a patent revoked by a court is its ruling, not the state taking a licence
        ("Delhi High Court revokes Verdane's patent on heart drug Coravix", {"verdict"}),
        ("印度法院撤銷維爾丹心衰竭藥專利", {"verdict"}),
        ("Regulator revokes mine licence", {"seizure"}),
        # a prime minister elected by parliament is appointed; what he promises is not news
        ("Mongolian parliament approves Ochirbat Temuulen as prime minister", {"appointment"}),
        ("特木伦当选蒙古国总理 承诺百日内取消延迟退休", {"appointment"}),
        ("林郑当选行政长官", {"election"}),
        ("女子手球世锦赛：荷兰29比27险胜挪威进决赛", {"semifinal"}),
        # rubbish piling up is no pile-up, a landslide burying homes no funeral
        ("Rubbish piles up in Marseille as bin collectors strike", {"strike"}),
        ("Twenty cars pile up on fogbound motorway", {"collision"}),
        ("Landfill collapse buries homes near Jakarta, seven dead", {"collapse"}),
        ("印尼垃圾山崩塌 罹難人數升至12人", {"collapse"}),
        ("Nation buries its fallen firefighters", {"funeral"}),
        # Taiwan's 吊照 and 被拘; a mill shut, 勒令关闭: a closure, not an order to report
        ("宿霧學童中毒案 餐盒業者遭吊照老闆被拘", {"arrest", "seizure"}),
        ("泰国勒令关闭涉嫌污染邦巴功河的糖厂90天", {"closure"}),
        ("Thailand shuts sugar mill blamed for Bang Pakong fish kill", {"closure", "findings"}),
        ("金融厅责令三家银行提交报告", {"order"}),
        # polling day, then the result: two events
        ("Fijians vote in election dominated by cost of living and sugar", {"polling"}),
        ("蒙古国提前举行议会选举 投票率约六成", {"polling"}),
        ("Mongolia's Democratic Party wins majority in snap election", {"election"}),
        ("蒙古民主黨大選勝出 奪國會過半議席", {"election"}),
        # a ruling party or alliance is no court's ruling
        (
            "South Korea's ruling Democrats win Seoul in local elections, exit polls show",
            {"election"},
        ),
        ("How the cane fields turned on Suva's ruling alliance", set()),
        # a body electing its officer; a vote's count is no match's score
        ("东帝汶新一届国民议会选出议长 萨门托一票险胜", {"election"}),
        ("東帝汶國會議長選舉 薩緬托33比32驚險勝出", set()),
        ("台灣選出年度代表字「漲」 反映物價壓力", set()),
        # what someone calls the event is not the event; a quoted verdict of a vote is
        ("Camp files protest with WBO, calls Macau scoring 'a robbery'", set()),
        ("迪马库兰甘团队向WBO提出申诉 称澳门判罚是“抢劫”", set()),
        ("委内瑞拉国民议会投票宣布国际法院裁决“无效”", {"rejection"}),
        ("Jeweller 'robbed' in broad daylight", {"theft"}),  # no one calls it so
        # a strike averted is the deal's news; a licence pulled over a fire is no fire
        ("温哥华港码头工人达成暂定协议 罢工危机解除", {"agreement"}),
        ("首尔暂停木浦客轮火灾涉事船公司执照", {"seizure"}),
        ("大馬怡保華小食物中毒 檢出仙人掌桿菌 業者遭撤照", {"seizure"}),
        # suspects caught over a leak: the leak is background
        ("孟加拉洩題案6人落網 含印刷廠員工", {"arrest"}),
        (
            "Papua New Guinea suspends prisons chief as 21 escapees recaptured",
            {"arrest", "dismissal"},
        ),
        # stop 35, from blind halves ba and bb: a parliament voting a reform through, then
        # the general strike against it; an avalanche; a licence suspended (停牌照) is no
        # trading halt; a fine 遭罰; a ministry demanding an explanation (要求...说明)
        ("Belgian parliament votes to raise retirement age to 68", {"vote"}),
        ("比利时议会表决通过将退休年龄提高至68岁", {"vote"}),
        ("比利時國會通過年金改革 退休年齡延至68歲", {"vote"}),
        (
            "General strike shuts Brussels Airport as unions fight pension law",
            {"strike", "closure"},
        ),
        ("Avalanche kills two skiers at Gulmarg in Indian Kashmir", {"avalanche"}),
        ("喬治亞古達烏里雪崩 軍用道路11車遭活埋", {"avalanche"}),
        ("富嶺資源剛果銅礦被停牌照 股價插水14%", {"market"}),
        ("阿根廷熱浪大停電 電力公司遭罰92億披索", {"fine", "outage"}),
        ("日本国土交通省要求大阪地铁说明信号故障原因 派员入驻检查", {"order"}),
        ("Buenos Aires swelters through hottest day on record at 44.1C", {"heat-record"}),
        ("阿根廷首都飆44.1度 破百年高溫紀錄", {"heat-record"}),
        ("布宜诺斯艾利斯气温达44.1摄氏度 创1906年有记录以来最高", {"heat-record"}),
        # blind halves bu and bv: a win taken away (not the final, not a cancellation), the
        # appeal against it a court's; an order to halt a plant is its closure, and the fine
        # after the space is read; a squad "for Finals" names the tournament
        (
            "Gao stripped of Monza win as stewards find plank worn beyond limit",
            {"disqualification"},
        ),
        ("底板磨損超標 高宇峰義大利站冠軍遭取消", {"disqualification"}),
        ("底板磨损超标 高宇峰被取消蒙扎冠军", {"disqualification"}),
        ("Lausanne court strips Varga of Olympic shot put gold", {"disqualification"}),
        ("Paris appeal court upholds Gao's Monza disqualification", {"verdict"}),
        ("高雄勒令永泰石化林园厂停产 罚款新台币500万元", {"closure", "fine"}),
        ("高市環保局勒令永泰石化林園廠全面停工 開罰500萬元頂格", {"closure", "fine"}),
        ("Argentina drops Quiroga from Davis Cup squad for Finals in Malaga", set()),
        # a jury's or an arbitration panel's ruling, an appeal thrown out (halves bh and bu)
        ("Jury upholds relay disqualification, United States keep mixed medley gold", {"verdict"}),
        ("仲裁委员会维持接力判罚", {"verdict"}),
        ("萬拓上訴被駁回 高宇峰痛失蒙薩冠軍成定局", {"verdict", "final"}),
        # blind half bx: a government halting mines is their closure, the flood "behind"
        # which is background; a storm on its way (將至) is, a typhoon closing in is not
        ("Hanoi halts nine mines of the coal company behind deadly flood", {"closure"}),
        ("越南政府叫停拜子龙煤炭公司9座煤矿 全国井工矿排查老窑水", {"closure"}),
        ("第二波暴雪將至 伊斯坦堡停課兩天、貨車禁上跨海大橋", {"closure"}),
        ("台风“白鹿”逼近 香港发出九号风球", {"storm"}),
        (
            "China come from behind to beat Japan and reach world volleyball semi-final",
            {"semifinal"},
        ),
        ("航班取消 旅客滞留", {"cancellation"}),
    ],
)
def test_kinds_in_both_languages(headline: str, kinds: set[str]) -> None:
    assert incident_kinds(headline) == kinds


@pytest.mark.parametrize(
    "headline",
    [
        "国台办：强烈谴责",
        "Board of directors names new chief executive",  # "board", not a boarding
        "Hong Kong celebrates its first astronaut",
        "ASEAN and China hold final round of code of conduct talks",  # not a match final
        "Parliament gives final approval to supply pact",
        "Trade talks collapse in Geneva",  # figurative: no building fell
        "Leaked memo shows plan to cut fuel subsidies",  # a leak of news, not of oil
        "Flight attendants vote to back new contract",
        "What a Democratic House means for the president's final two years",  # not a match
        "Markets brace for the final weeks of the year",
        "Pendleton survives Liberal leadership spill",  # a party's vote on its leader
        "Nationals walk out of Coalition after by-election",  # a party, not a strike
        "Siam Harvest launches hostile 480 billion yen bid for Marusei",  # a sum, no model
        "Final count confirms reactor's defeat as turnout tops 47 percent",  # no match final
        "Retailers face an avalanche of orders before the holiday",  # figurative
        "Power price protests spread to Cape Town as Cosatu threatens national strike",
        "",
    ],
)
def test_reactions_and_plain_headlines_name_no_kind(headline: str) -> None:
    assert incident_kinds(headline) == frozenset()


def test_disagreement_is_a_share_and_silence_is_no_evidence() -> None:
    boarding, capsize = frozenset({"boarding"}), frozenset({"capsize"})
    assert kind_disagreement(capsize, [boarding, boarding]) == 1.0
    assert kind_disagreement(capsize, [boarding, capsize | boarding]) == 0.5
    assert kind_disagreement(capsize, [frozenset(), frozenset()]) == 0.0  # story silent
    assert kind_disagreement(frozenset(), [boarding]) == 0.0  # article silent


def test_a_derailment_agrees_with_the_spill_it_causes() -> None:
    derailed, spill = frozenset({"derailment"}), frozenset({"spill"})
    assert kind_disagreement(spill, [derailed]) == 0.0
    assert kind_disagreement(derailed, [spill]) == 0.0
    assert kind_disagreement(frozenset({"fire"}), [derailed]) == 1.0


def test_a_result_agrees_with_any_stage_and_no_other_kind() -> None:
    """A match's result names no stage ("edge Indonesia 3-2 to retain the Cup" is the final
    夺冠 names); against a sacking or a signing it is another event."""
    result, final = frozenset({"result"}), frozenset({"final"})
    assert kind_disagreement(result, [final, frozenset({"semifinal"})]) == 0.0
    assert kind_disagreement(frozenset({"dismissal"}), [result]) == 1.0
    assert kind_disagreement(final, [frozenset({"semifinal"})]) == 1.0  # stages still differ
    findings = frozenset({"findings"})
    assert kind_disagreement(findings, [frozenset({"arrest"})]) == 0.0  # the culprit held
    retaliation = frozenset({"retaliation"})
    assert kind_disagreement(retaliation, [frozenset({"seizure"})]) == 0.0  # told by its measure
    assert kind_disagreement(retaliation, [frozenset({"block"})]) == 1.0  # not the veto itself
    # "Hanoi detains cargo ship" and 越南扣押一艘货轮: one seizure in two languages
    assert kind_disagreement(frozenset({"seizure"}), [frozenset({"arrest"})]) == 0.0
    # a radar outage told by the flights it halted (停飞)
    assert kind_disagreement(frozenset({"outage"}), [frozenset({"grounding"})]) == 0.0
    # "strike ends with 7% pay deal" and 达成加薪7%协议: the deal the strike ends with
    assert kind_disagreement(frozenset({"agreement"}), [frozenset({"strike-end"})]) == 0.0


@pytest.mark.parametrize(
    ("headline", "craft"),
    [
        ("Chinese coast guard ship rams Philippine cutter near the shoal", {"coast-guard"}),
        ("菲渔业局船只与中方渔船相撞", {"fishing"}),
        ("仙賓礁兩日兩撞 菲漁業船遭民兵船撞穿", {"fishing", "militia"}),
        ("Mainland speedboat capsizes after being driven out by coast guard", {"speedboat"}),
        ("Tokyo and Manila sign defence pact", set()),
    ],
)
def test_craft_in_both_languages_main_clause_only(headline: str, craft: set[str]) -> None:
    assert craft_kinds(headline) == craft


def test_an_after_clause_is_background() -> None:
    """ "X, a day after Y": Y is the earlier incident, not what this report tells."""
    headline = "Militia boat hits fisheries vessel, a day after coast guard rammed a cutter"
    assert main_clause(headline) == "Militia boat hits fisheries vessel"
    assert craft_kinds(headline) == {"militia", "fishing"}
    # the summons (a sequel kind: the same day the ramming's own news), not the ramming
    assert incident_kinds("Manila summons envoy after cutter is rammed") == {"summons"}
    assert main_clause("菲律宾召见中国大使") == "菲律宾召见中国大使"


def test_craft_conflicts_against_the_union_of_the_story() -> None:
    cg, cutter_only = frozenset({"coast-guard"}), frozenset({"coast-guard"})
    militia = frozenset({"militia", "fishing"})
    assert craft_conflict(militia, [cg, cg])
    assert not craft_conflict(cutter_only, [cg, frozenset()])
    assert not craft_conflict(frozenset(), [cg])  # the headline names no craft
    assert not craft_conflict(militia, [frozenset()])  # the story's name none
    assert not craft_conflict(militia | cg, [cg])  # one in common


def test_hostile_headlines_are_cut_and_collapsed() -> None:
    """A feed's "title" of tens of thousands of spaces (quadratic for the after-clause
    pattern before whitespace was collapsed) or of endless text reads as its start."""
    assert main_clause("Boat capsizes" + " " * 20_000 + "after storm") == "Boat capsizes"
    assert craft_kinds("Coast guard boards ferry " + "x " * 50_000) == {"coast-guard", "passenger"}
    assert incident_kinds("word " * 50_000 + "collision") == frozenset()  # beyond the start


@pytest.mark.parametrize(
    ("headline", "repeat"),
    [
        ("Cuba's grid collapses again as restoration falters", True),
        ("Second blackout in two days hits Cuba after Felton plant trips", True),
        ("ASEAN, China hold another round of South China Sea code talks", True),
        ("古巴兩天內二度全島大停電", True),
        ("法国政府再度倒台", True),
        ("馬德里打吡 艾華利斯梅開二度 馬體會3:1反勝皇馬", False),
        ("Rokid unveils second-generation AI glasses", False),
        ("Cuba plunged into nationwide blackout", False),
        ("Water flows again in Mong Kok after 26 hours", False),  # the outage's end
        ("Metro line open again after signal fault", False),
        # "one ..., another" is a contrast, unless "another" names a second incident
        ("Record fine closes one chapter of Bomnal's data breach, lawsuits open another", False),
        ("One dead as another storm hits Luzon", True),
        # an ordinal before the incident's own noun (half bh: 二度登陸 against 二次登陆)
        ("Weakened Lanhua makes second landfall in Fujian", True),
        ("台风“兰花”在福建连江二次登陆 福州转移21万人", True),
        ("貴州畢節煤礦透水9人受困 一週內第二起礦災", True),
        ("Second worker dies after Kaohsiung stage collapse", False),
        ("二次元展会开幕", False),
        ("又一夜露宿：“地一晃，我们就抱着孩子往外跑”", False),  # the same night, going on
    ],
)
def test_a_headline_calling_its_incident_a_repeat(headline: str, repeat: bool) -> None:
    assert repeats(headline) is repeat


def test_work_resumed_agrees_with_the_reopening_it_reports() -> None:
    """吉大港停擺60小時後復工 (work resumed after 60 hours) is the port's reopening, not a
    strike's end against it (blind half be); a reopening still disagrees with a strike."""
    resumed, reopened = frozenset({"strike-end"}), frozenset({"reopening"})
    assert kind_disagreement(resumed, [reopened]) == 0.0
    assert kind_disagreement(reopened, [resumed]) == 0.0
    assert kind_disagreement(reopened, [frozenset({"strike"})]) == 1.0


def test_a_collapse_agrees_with_the_rain_the_quake_or_the_fire_that_caused_it() -> None:
    """Five dead in wall collapses in Chittagong's monsoon downpour: one event, told by the
    flood in English and the collapse in Chinese (blind half bg); a temple's roofs collapsed
    in the night's fire (blind half bv: "Bhaktapur wakes to a charred temple: roofs
    collapsed")."""
    collapse, flood = frozenset({"collapse"}), frozenset({"flood"})
    assert kind_disagreement(collapse, [flood]) == 0.0
    assert kind_disagreement(flood, [collapse]) == 0.0
    assert kind_disagreement(collapse, [frozenset({"fire"})]) == 0.0
    assert kind_disagreement(collapse, [frozenset({"strike"})]) == 1.0


def test_a_raid_is_an_authority_s_and_agrees_with_what_it_brings() -> None:
    """Prosecutors raiding a firm are no charges (blind half bu: read as charges in English
    and as the fire in Chinese); a gang's raid on a shop is a theft's, no raid; the arrests
    a raid brings are its news too."""
    assert incident_kinds("Costa Rican prosecutors raid Ceiba Data over disabled fire system") == {
        "raid"
    }
    assert "raid" in incident_kinds("哥斯达黎加检方搜查木棉数据公司")
    assert "raid" not in incident_kinds("Armed gang raids Mong Kok jewellery shop")
    assert incident_kinds("Kaohsiung prosecutors detain stage contractor boss") == {"arrest"}
    assert kind_disagreement(frozenset({"raid"}), [frozenset({"arrest"})]) == 0.0
    assert kind_disagreement(frozenset({"raid"}), [frozenset({"fire"})]) == 1.0
