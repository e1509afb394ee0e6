import AdminDivision

// Look a division code up, with its history.
let nanshan = Division("440305")!
print(nanshan.name, nanshan.level, nanshan.fullName(in: 2024) ?? "")  // 南山区 county 广东省深圳市南山区

// Codes retired and reused keep every period.
let jimei = Division("350211")!
for period in jimei.periods { print(jimei.code, period) }  // 郊区 (1980–1987), 集美区 (1987–)

// Did a code exist in a given year?
print(Division.exists("110103", in: 2005), Division.exists("110103", in: 2015))  // true false
