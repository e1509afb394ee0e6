import Benchmark
import Foundation
import ServiceItem

/// Parsing throughput of every code kind, recognition by length, and validating a catalogue
/// item: what a department system does per request or per record of a bulk import.
let benchmarks: @Sendable () -> Void = {
    let implementation = "11450721MB155808114000104002000"
    let businessItem = "114403006939513773344201505200802"
    let caseNumber = "11650000010183859F265011601300120181228100000001"
    let codes = [
        "000104002000", implementation, businessItem, caseNumber, "1132050001414925263320105028002",
        "11420000777570977B200073900100001",
    ]

    Benchmark("ServiceItem: parse implementation code") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try ImplementationCode(implementation))
        }
    }

    Benchmark("ServiceItem: parse case number (48)") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try CaseNumber(caseNumber))
        }
    }

    Benchmark("ServiceItem: recognise mixed codes by length") { benchmark in
        for _ in benchmark.scaledIterations {
            for code in codes { blackHole(try ServiceItemCode(code)) }
        }
    }

    Benchmark("ServiceItem: reject a wrong check character") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(ImplementationCode.isValid("11450721MB155808124000104002000"))
        }
    }

    Benchmark("ServiceItem: parts of a case number") { benchmark in
        let parsed = try CaseNumber(caseNumber)
        for _ in benchmark.scaledIterations {
            blackHole(parsed.parts)
        }
    }

    Benchmark("ServiceItem: decode and validate a catalogue item") { benchmark in
        let json = Data(catalogueJSON.utf8)
        let validator = CatalogueValidator()
        for _ in benchmark.scaledIterations {
            let item = try JSONDecoder().decode(CatalogueItem.self, from: json)
            blackHole(validator.validate(item))
        }
    }
}

/// A compact catalogue item (the Shenzhen example, two materials).
let catalogueJSON = """
    {"name":"小汽车增量指标申请","basicCode":"442015052008","implementationCode":"1144030069395137733442015052008",
    "businessItems":[{"code":"114403006939513773344201505200802","name":"个人申请"}],"itemType":"20","state":"1",
    "levels":["3"],"legalBasis":[{"name":"深圳市小汽车增量调控管理实施细则"}],
    "implementingBody":{"name":"深圳市交通运输局","code":"114403006939513773","nature":"1"},
    "statutoryTimeLimit":{"value":20,"unit":"workingDays"},"promisedTimeLimit":{"value":5,"unit":"workingDays"},
    "acceptanceConditions":["持有有效的机动车驾驶证"],"isCharged":false,"serviceObjects":["1"],"caseType":"2",
    "handlingForms":["2","3"],"visitsRequired":0,"online":{"depth":"4"},
    "materials":[{"name":"居民身份证","isRequired":true,"source":"government",
    "electronicLicence":{"typeCode":"11100000000013127D001"},"form":"electronic",
    "copies":{"originals":0,"photocopies":0},"signature":"none"},
    {"name":"申请表","isRequired":true,"source":"applicant","form":"electronic",
    "copies":{"originals":0,"photocopies":0},"signature":"signatureOrSeal"}]}
    """
