import json, sys
from pathlib import Path
ROOT = Path('/work/wt-holdout9/evals/holdout9')

def span(text, quote, occ=0, after=None):
    start = text.index(after) if after else 0
    i = text.index(quote, start)
    for _ in range(occ):
        i = text.index(quote, i + 1)
    return {"start": i, "end": i + len(quote), "quote": quote}

def amt(v, t):
    return {"value": v, "min": v, "max": v, "currency": "CNY", "text": t}

def build(stem, recs, traps):
    text = (ROOT / 'seeds' / f'{stem}.txt').read_text()
    out = {"file": f"seeds/{stem}.txt", "records": [], "must_not": []}
    for r in recs:
        ev = []
        for field, q, *rest in r.pop('ev'):
            kw = rest[0] if rest else {}
            s = span(text, q, **kw)
            ev.append({"field": field, **s})
        r['evidence'] = ev
        out['records'].append(r)
    for q, reason, *rest in traps:
        kw = rest[0] if rest else {}
        s = span(text, q, **kw)
        out['must_not'].append({"quote": q, "start": s['start'], "end": s['end'], "reason": reason})
    # uniqueness report
    for r in out['records']:
        for e in r['evidence']:
            if text.count(e['quote']) > 1:
                print(stem, 'non-unique', e['field'], e['quote'], text.count(e['quote']))
    (ROOT / 'gold' / f'{stem}.json').write_text(json.dumps(out, ensure_ascii=False, indent=2) + '\n')

GOV = {"name": "河南省发展和改革委员会", "role": "government"}
def henan(name, city, cityq, district, distq, org, orgrole, v, t, sector, secq, extra_ev=(), amt_after=None, name_after=None):
    orgs = ([{"name": org, "role": orgrole}] if org else []) + [GOV]
    ev = [("name", name, {"after": name_after} if name_after else {}),
          ("province", "河南省"), ("city", cityq, {"after": name_after} if name_after else {})]
    if district: ev.append(("district", distq))
    i = 0
    if org: ev.append((f"organizations[0]", org)); i = 1
    ev.append((f"organizations[{i}]", "河南省发展和改革委员会"))
    ev.append(("amount", t, {"after": amt_after} if amt_after else {}))
    ev.append(("date", "2月28日"))
    ev.append(("status", "《河南省2025年重点建设项目名单》"))
    ev.append(("sector", secq))
    ev += list(extra_ev)
    return {"name": name, "required": True, "province": "Henan", "city": city, "district": district,
            "organizations": orgs, "amount": amt(v, t), "date": "2025-02-28", "status": "listed",
            "sector": sector, "ev": ev}

h = 'pos'
recs1 = [
    henan("高端轴承智能制造基地项目", "Luoyang", "洛阳市", "Yanshi", "偃师区", "洛阳中原精工轴承股份有限公司", "undertaker",
          12050000000, "120.5亿元", "bearings", "轴承"),
    henan("新能源汽车热管理系统产业园项目", "Xinxiang", "新乡市", None, None, "新乡豫冷科技有限公司", "undertaker",
          800000000, "8亿元", "new energy vehicle thermal management", "新能源汽车热管理系统"),
    henan("中原算力枢纽数据中心项目", "Zhengzhou", "郑州", None, None, "河南豫算云科技有限公司", "undertaker",
          3600000000, "36亿元", "data centers", "数据中心", name_after="二是"),
    henan("周口港中心港区三期工程", "Zhoukou", "周口", None, None, "周口港口物流集团有限公司", "undertaker",
          4500000000, "45亿元", "ports", "港"),
    henan("南阳市中心医院新院区建设项目", "Nanyang", "南阳市", None, None, "南阳市城市建设投资有限公司", "undertaker",
          1800000000, "18亿元", "healthcare", "医院"),
    henan("信阳至光山高速公路项目", "Xinyang", "信阳", None, None, "河南交通投资集团有限公司", "undertaker",
          6530000000, "65.3亿元", "expressways", "高速公路"),
    henan("宋都古城文化旅游综合提升项目", "Kaifeng", "开封市", None, None, None, None,
          2800000000, "28亿元", "cultural tourism", "文化旅游"),
]
# fix evidence where first occurrence is wrong
for r in recs1:
    fixed = []
    for e in r['ev']:
        f, q = e[0], e[1]
        kw = e[2] if len(e) > 2 else {}
        if r['name'] == "中原算力枢纽数据中心项目" and f == 'city': kw = {"after": "二是"}
        if r['name'] == "周口港中心港区三期工程" and f in ('city', 'sector'): kw = {"after": "另外"}
        if r['name'] == "南阳市中心医院新院区建设项目" and f == 'city': kw = {"after": "三是"}
        if r['name'] == "信阳至光山高速公路项目" and f == 'name':
            q = "信阳至光山高速公路项目"
        if r['name'] == "南阳市中心医院新院区建设项目" and f == 'sector': kw = {"after": "三是"}
        if r['name'] == "新能源汽车热管理系统产业园项目" and f == 'sector': kw = {"after": "新乡市"}
        if r['name'] == "高端轴承智能制造基地项目" and f == 'sector': kw = {"after": "偃师区"}
        fixed.append((f, q, kw))
    r['ev'] = fixed
traps1 = [
    ("投资额1.2万亿元", "total investment of the whole provincial list"),
    ("年度计划完成投资4800亿元", "annual planned investment of the whole list"),
    ("省重点建设项目2150个", "count of projects in the list"),
    ("新开工项目860个", "count of new-start projects"),
    ("续建项目1290个", "count of continuing projects"),
    ("年产值将超过200亿元", "expected annual output value, not investment"),
    ("注册资本15亿元", "registered capital of a company"),
    ("年产热泵空调总成60万套", "production capacity, not money"),
    ("标准机架1.2万个", "non-money quantity (racks)"),
    ("算力产业规模将突破1000亿元", "market size of the provincial computing industry"),
    ("年吞吐能力将新增2000万吨", "non-money quantity (port throughput)"),
    ("许昌智能电力装备产业园一期项目", "project finished in 2019, only background"),
    ("总投资9.6亿元", "amount of a project finished in 2019"),
    ("重点项目前期工作专项资金10亿元", "provincial fund for preliminary work"),
    ("授信额度600亿元", "bank credit line"),
]
build("2025-henan-key-construction-list-zh", recs1, traps1)

def ux(name, orgs, v, t, sector, secq, date, dateq, statusq, amt_after=None, ev_extra=()):
    A = {"after": "日报讯"}; ev = [("name", name), ("province", "乌审旗", A), ("city", "乌审旗", A), ("district", "乌审旗", A)]
    for i, (o, role) in enumerate(orgs):
        ev.append((f"organizations[{i}]", o))
    ev.append(("amount", t, {"after": amt_after} if amt_after else {}))
    ev.append(("date", dateq)); ev.append(("status", statusq)); ev.append(("sector", secq))
    return {"name": name, "required": True, "province": "Inner Mongolia", "city": "Ordos", "district": "Uxin",
            "organizations": [{"name": o, "role": r} for o, r in orgs], "amount": amt(v, t), "date": date,
            "status": "signed", "sector": sector, "ev": ev}
recs2 = [
    ux("风光制氢一体化示范项目", [("内蒙古蒙绿氢能科技有限公司", "signer"), ("乌审召工业园区管委会", "signer")],
       3200000000, "32亿元", "green hydrogen", "制氢", "2025-04-16", "4月16日", "投资协议"),
    ux("煤基可降解材料项目", [("鄂尔多斯市华储新材料有限公司", "investor"), ("苏里格经济开发区管委会", "signer")],
       1850000000, "18.5亿元", "biodegradable materials", "可降解材料", "2025-04-16", "4月16日", "签约“煤基可降解材料项目”"),
    ux("碳资产数字化管理平台项目", [("北京绿碳数智科技有限公司", "signer"), ("乌审旗人民政府", "signer")],
       60000000, "6000万元", "carbon asset management", "碳资产数字化管理", "2025-04-16", "4月16日", "合作协议"),
    ux("光伏组件回收利用项目", [("内蒙古循环光能科技有限公司", "investor")],
       480000000, "4.8亿元", "photovoltaic module recycling", "光伏组件回收", "2024-11", "去年11月", "去年11月签约"),
]
traps2 = [
    ("总投资51.1亿元", "total of the whole signing ceremony", {"after": "鄂尔多斯日报讯"}),
    ("签约项目3个", "count of signed projects", {"after": "鄂尔多斯日报讯"}),
    ("占地面积约1200亩", "land area, not money"),
    ("年产值可达15亿元", "expected annual output value after completion"),
    ("年减排二氧化碳约20万吨", "non-money quantity (emissions)"),
    ("占地面积350亩", "land area, not money"),
    ("年销售收入约20亿元", "expected annual sales revenue"),
    ("就业岗位600余个", "count of jobs"),
    ("退役光伏组件5万吨", "non-money quantity (tonnes recycled)"),
]
build("2025-uxin-banner-signing-zh", recs2, traps2)
