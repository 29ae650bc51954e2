"""Realistic Chinese postings for search and matching tests (made up, plausible)."""

CAPABILITIES = [
    (
        "capability:1",
        "勃姆石陶瓷涂覆隔膜制备技术",
        "水性陶瓷浆料配方与微凹版涂布工艺，涂覆隔膜150℃热收缩率低于2%，已完成中试。",
        "new_energy_vehicle",
        "nantaihu",
        6,
    ),
    (
        "capability:2",
        "动力电池热失控预警与电池管理算法",
        "多传感器融合与电化学模型，提前10分钟预警热失控，已在两款车型验证。",
        "new_energy_vehicle",
        "wuxing",
        6,
    ),
    (
        "capability:3",
        "北斗高精度定位与形变监测",
        "北斗实时动态定位结合InSAR，实现毫米级边坡形变监测与自动预警。",
        "geoinformation",
        "deqing",
        8,
    ),
    (
        "capability:4",
        "实景三维建模与时空大数据平台",
        "倾斜摄影与激光点云融合的城市实景三维建模，配套时空数据库。",
        "geoinformation",
        "deqing",
        7,
    ),
    (
        "capability:5",
        "生猪养殖场臭气生物滤池除臭",
        "生物滤池降解氨气和硫化氢，除臭效率90%以上，运行成本低。",
        "green_energy",
        "anji",
        7,
    ),
    (
        "capability:6",
        "AGV集群调度与仓储路径规划",
        "百台级AGV集群调度，死锁预防与动态避障，拣选效率提升35%。",
        "logistics_equipment",
        "outside",
        8,
    ),
    (
        "capability:7",
        "高温合金粉末冶金与增材制造",
        "镍基高温合金粉末制备与激光选区熔化，致密度99.9%。",
        "alloy_materials",
        "nanxun",
        5,
    ),
    (
        "capability:8",
        "竹木家具水性涂装与VOC治理",
        "低VOC水性木器涂料与等离子体协同催化，苯系物去除率95%以上。",
        "green_home",
        "anji",
        7,
    ),
]

QUERIES = {
    "separator": ("capability:1", "动力电池隔膜高温下收缩，想找耐热的涂覆隔膜方案"),
    "slope": ("capability:3", "矿山边坡需要毫米级形变监测和预警"),
    "odour": ("capability:5", "猪场臭味被村民投诉，想尽快把味道降下来"),
}
