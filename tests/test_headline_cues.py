"""Who launches what a headline reports launched, and whose shares moved
(aggregator/headline_cues.py)."""

from __future__ import annotations

import pytest

from aggregator.headline_cues import follows_up, launch_maker, market_mover, same_maker


@pytest.mark.parametrize(
    ("headline", "lang", "maker"),
    [
        ("UBTech unveils Walker S3 humanoid at 299,000 yuan", "en", "ubtech"),
        ("Price war in China's humanoid robots as AgiBot unveils Lingxi X3", "en", "agibot"),
        ("Rokid launches second-generation AI glasses at 2,499 yuan", "en", "rokid"),
        ("Xiaomi's 17 Ultra: Xiaomi launches 17 Ultra in Barcelona", "en", "xiaomi"),
        # the "after" clause is background: it names the rival, not the maker
        ("AgiBot fires back with 99,000-yuan humanoid, a day after UBTech launch", "en", None),
        ("Heavy rain lashes Manila", "en", None),
        ("智元机器人发布灵犀X3 定价9.9万元", "zh", "智元机器人"),
        ("小米在巴塞罗那发布小米17 Ultra国际版", "zh", "小米"),  # cut at the place
        ("優必選推出新款人形機械人", "zh-Hant", "优必选"),  # folded to Simplified
        ("续航52分钟、激光雷达避障 大疆御5 Pro亮相", "zh", "激光雷达避障 大疆御5 pro"),
        ("台风“桦加沙”逼近广东", "zh", None),
        # the launch kind's verbs, no more and no fewer: a warning issued is no launch
        ("黑龙江发布暴雪红色预警", "zh", None),
        ("CATL shows off solid-state cells", "en", "catl"),
    ],
)
def test_the_maker_of_a_launch(headline: str, lang: str, maker: str | None) -> None:
    assert launch_maker(headline, lang) == maker


def test_makers_are_the_same_by_shared_word_or_containment() -> None:
    assert same_maker("ubtech", "ubtech robotics")
    assert same_maker("大疆", "激光雷达避障 大疆御5 pro")
    assert not same_maker("优必选", "智元机器人")
    assert not same_maker("rokid", "thunderbird")
    # Chinese runs that name one maker amid others share two characters of its name...
    assert same_maker("海光信息", "寒武纪海光")
    # ...but a company's generic words are no name
    assert not same_maker("优必选科技", "智元科技")
    assert not same_maker("华为技术", "中兴通讯")


@pytest.mark.parametrize(
    ("headline", "lang", "mover"),
    [
        ("UBTech shares tumble 11% on price war fears", "en", "ubtech"),
        ("优必选港股收跌11% 市场担忧人形机器人价格战", "zh", "优必选"),
        ("優必選股價急挫一成一 人形機械人價格戰惹憂", "zh-Hant", "优必选"),
        ("DeepSeek-V5带动国产算力股 寒武纪、海光信息涨停", "zh", "海光信息"),
        # a whole market, a sector or a freight rate is no company
        ("Argentine stocks and bonds soar as peso holds steady", "en", None),
        ("比索自由浮动首日不跌反涨 阿根廷股债齐涨", "zh", None),
        ("欧线运价一周大涨18%", "zh", None),
        ("芯片股尾盘跳水", "zh", None),
        # when in the session is no part of the name: a sector again (blind half bi)
        ("韩国火箭股开盘即跌停 市值蒸发9000亿韩元", "zh", None),
        ("火箭發射失利 天馬航太股價跌停", "zh-Hant", "天马航太"),
    ],
)
def test_whose_shares_moved(headline: str, lang: str, mover: str | None) -> None:
    assert market_mover(headline, lang) == mover


def test_a_hostile_headline_is_read_in_bounded_time() -> None:
    assert launch_maker("发" * 100_000, "zh") is None
    assert launch_maker("A " * 50_000 + "unveils", "en") is None  # past the headline's length
    assert market_mover("股" * 100_000 + "涨停", "zh") is None


@pytest.mark.parametrize(
    ("headline", "follows"),
    [
        ("Vietnam cable outage drags into second day as banks warn of delays", True),
        ("Elbrus search for Chinese climbers halted again by storm", True),
        ("Sri Lanka refinery blast toll rises to seven as fire is put out", True),
        ("COP32 leaders' summit closes with $18.5 billion in new climate pledges", True),
        ("亞庇快艇失蹤第二日 搜救人員救起8人", True),
        ("斯里蘭卡煉油廠氣爆 死亡人數增至7人", True),
        # a slick or an outbreak spreading
        ("湄公河油污带扩至60公里 江豚栖息地告急", True),
        ("Red tide spreads to Manatee as beaches close", True),
        # the fire put out, the cause traced, the fans' vigil
        ("Fire at Argentine pipeline put out after 30 hours; cause unknown", True),
        ("Santiago metro blackout traced to substation fire", True),
        ("Fans hold candlelight vigil outside Seoul agency after band news", True),
        ("油罐火灾历时30小时终被扑灭", True),
        # Chinese explainers: what is known, Taiwan's 懒人包
        ("“西海之星”号火灾：目前我们知道的情况", True),
        ("懶人包／南韓渡輪大火始末", True),
        ("太平洋岛国论坛闭幕 通过《努库阿洛法宣言》", True),
        # the next event of the situation, told with the first one's words
        ("Body found under Taiwan highway landslide; two still missing", True),
        ("Trip.com says Japan bookings jump 68% after visa change", False),
        # the arrests the day after a theft; what is "still" missing is background
        ("Two arrested in Malmo over jade seal theft; seals still missing", False),
        ("哥德堡玉玺盗窃案两人在马尔默被捕 玉玺仍下落不明", False),
        ("Colombo raises petrol price by 42 rupees after refinery blast", False),
        ("萨摩亚议会选举前议长马塔吉为新任国家元首", False),
        # the incident explained, recounted, its survivors found, its evacuation
        ("What we know about the glitch that froze Manila's bourse", True),
        # the question an explainer asks (blind half br)
        ("Check your cupboard: which Vermeulen chocolates are being recalled", True),
        ("人工草皮合同疑点在哪里？一块球场的账单算不清", True),
        ("Witch hunt over pitch contracts, says Somsak", False),
        ("南极冰区的漫长一夜：船员轮班抽水", True),  # blind half bq
        ("How a single signing key opened the exchange's wallet", True),
        ("Resorts, rupees and rivals: what the Maldives' missed payment means", True),
        ("Passengers say balloon pilot was told of gusts before take-off", True),
        ("Divers find all 11 alive on a ledge deep inside the cave", True),
        ("All 11 brought out of flooded Vietnamese cave after 50 hours", True),
        ("18,000 told to leave homes below the dam as engineers fight to close gate", True),
        ("嘉兴加氢站事故初步原因查明：压缩机管线泄漏", True),
        ("越南洞穴受困11人全數生還", True),
        ("“绿夹克”刷屏 网友：中国高尔夫等了几十年", True),
        # the damage counted the next morning (blind half bc); not a price or a share
        ("Canberra fire destroys 38 homes in Tharwa and Banks overnight", True),
        ("山火一夜烧毁38栋房屋", True),
        ("Quito caps petrol sales at 10 gallons a day as refinery stays shut", False),
        ("Fire on Bolivian gas line out after nine hours; YPFB says repairs will take days", True),
        ("Striker out after nine games with knee injury", False),
        ("风雨过后的难民营：乌基亚数万顶帐篷被掀翻", True),
        ("Shenzhen police raid workshop behind fake slimming pens, nine held", False),
        ("一夜狂風暴雨後 蘇澳漁港漁船翻覆、街道成河", True),
        ("地震后首个交易日 股市大涨", False),
        ("“在机场睡了两晚”：滞留旅客在社交媒体晒行军床照片", True),
        # a market's close, an analyst and a governing body are none of those
        ("Xiaohongshu closes 22% above IPO price on Hong Kong debut", False),
        ("塔利欧港股重挫9.2% 分析师下调目标价", False),
        ("Guangxi suspends race organiser, athletics body sets heat limit", False),
        ("Sinner keeps title hopes alive with win over Zverev", False),
        ("Australia passes social media ban for under-16s", False),
        ("Lu's run to darts final lights up social media", True),
        ("武汉出现不明原因肺炎病例", False),
        # the cause found, not a lag or a jail; a toll rising, not a currency
        ("Water tests show oxygen crash behind Bang Pakong fish deaths", True),
        ("Carmaker falls behind rivals in EV sales", False),
        ("Former minister behind bars for graft", False),
        ("印尼垃圾山崩塌 罹難人數升至12人", True),
        ("秘鲁索尔升至三年高位 国债收益率跳升", False),
        # fans' reactions and the next morning's "where" and "who" features
        ("东道主功亏一篑 球迷：输在最后十分钟", True),
        ("Fans mourn as hosts fall in final", True),
        ("Where a generation of young Nepalis went", True),
        # the cause given the next morning; one victim dying of the incident
        ("Gas heater blamed for Strasbourg market blaze", True),
        ("宿务学童食物中毒事件一名8岁女童死亡", True),
        ("工厂爆炸3名工人死亡", False),
        ("Empty terraces, crowded flats: where a generation of young Nepalis went", True),
        ("恩肯所属政党称其被隔离关押 杜阿拉商铺关门", True),  # held: the arrest going on
        # a bloom spreading, the night's takeaways, details officials give, the cause traced
        ("Red tide spreads north to Manatee as beach closures reach 21", True),
        ("Five things we learned from a long night in Gothenburg", True),
        ("Algeciras cocaine haul worth 420 million euros, police say", True),
        ("Police say they have arrested two over Algeciras haul", False),
        ("Hairline crack near window traced as cause of space station leak", True),
        ("Van driver had no clearance, Colombia says after El Dorado near-miss", True),
        ("Colombia says it will review runway rules", False),  # no closing attribution
        # what is still shut or adrift the next day
        ("Boryeong plant still half shut as divers fight jellyfish for second day", True),
        ("越南外海落海集装箱仍在漂流 芽庄附近航道部分关闭", True),
        ("保宁电厂水母之困未解 一台机组仍停运", True),
        ("Seals still missing after Malmo arrests", False),
        # an outbreak's count, the farms around it tested, a flood's dead as the water falls
        ("Chiang Mai Zika cases climb to 260 as clinics see queues", True),
        ("Farms around Yunlin outbreak test negative as Taiwan culls 2,800 pigs", True),
        ("云林周边猪场检测均呈阴性", True),
        ("Venice flood: man, 81, found dead in Cannaregio as water recedes", True),
        ("Zika cases reported in Chiang Mai", False),
        # blind halves bi and bj: a fire held, a river risen in the night, the night after
        # the gates opened, how a bank lost its deposits (a question)
        ("Sintra fire 60% contained after night of water-bomber runs", True),
        ("Pasak releases raise river 1.4 metres overnight; 4,000 in shelters", True),
        ("开闸一夜后：华富里村民在寺庙里等待洪水退去", True),
        ("一家地方银行如何在一天里失去2.4亿欧元？", True),
        ("Thailand opens Pasak dam spillway, evacuates 12 villages in Lopburi", True),
        ("Fire crews contain blaze at Sintra palace", False),
        # blind halves bk and bl: a night told by those who lived it, a queue's second night,
        # postponed surgeries counted up the next day
        ("零下15度的一夜：被困山口的货车司机只剩半箱油", True),
        ("普吉机场地板上的一夜：“我们只想回家”", True),
        ("Lorry driver found dead in his cab as Brenner queue enters second night", True),
        ("新斯科舍省医院网络攻击次日 推迟手术增至1900台", True),
        ("一夜之间股价腰斩", False),
        ("专家谈银行如何应对挤兑", False),
        # blind halves bu and bv: a count of containers risen, on the scene the next
        # morning, the town waking to the ruin, another night outdoors
        ("长潮和谐号落海集装箱增至81个 西班牙北部海岸戒备", True),
        ("直击阿速坡：洪水未退，村民在屋顶上等了一夜", True),
        ("Bhaktapur wakes to a charred temple: roofs collapsed, carvings lost", True),
        ("又一夜露宿：“地一晃，我们就抱着孩子往外跑”", True),
        ("又一起矿难：贵州煤矿透水", False),
        # blind halves bw and bx: the toll's next death, a night stranded, the case a
        # prosecution makes; a company "behind" a flood is its culprit, no cause found
        ("Third death in Quebec cheese listeria outbreak as cases reach 19", True),
        ("土耳其暴雪 台灣旅行團受困機場一夜", True),
        ("Radar, fog and 0.6 per mille: the case against the Helga Voss captain", True),
        ("Hanoi halts nine mines of the coal company behind deadly flood", False),
    ],
)
def test_a_headline_reporting_its_incident_going_on(headline: str, follows: bool) -> None:
    assert follows_up(headline) is follows
