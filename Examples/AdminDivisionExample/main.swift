import AdminDivision

do {
    // Look a division code up, with its history.
    let nanshan = try Division("440305")
    print(nanshan.name, nanshan.level, nanshan.fullName(in: 2024) ?? "")  // 南山区 county 广东省深圳市南山区

    // Codes retired and reused keep every period.
    let jimei = try Division("350211")
    for period in jimei.periods { print(jimei.code, period) }  // 郊区 (1980–1987), 集美区 (1987–)

    // Did a code exist in a given year? `exists` answers yes or no; a lookup says why not.
    print(Division.exists("110103", in: 2005), Division.exists("110103", in: 2015))  // true false
    _ = try Division("110103", in: 2015)
} catch {
    print(error.code, error.message)
    // admindivision.not_valid_in_year division code 110103 was not in force in 2015 (in force: 崇文区 (1980–2010))
}
