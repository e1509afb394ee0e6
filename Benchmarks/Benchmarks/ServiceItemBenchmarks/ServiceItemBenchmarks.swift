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
            blackHole(try ImplementationCode(parsing: implementation))
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

/// A compact catalogue item: the Guangzhou example (Specs/service-item/examples) with two of
/// its materials. Its local item type TC is one validation error under the default strict rules.
let catalogueJSON = """
    {"name":"我要办理用地证（社会投资）","basicCode":"44TC12049000","implementationCode":"114401134554137174444TC12049000",
    "itemType":"TC","state":"1","version":"2","levels":["4"],
    "legalBasis":[{"name":"《中华人民共和国城乡规划法》（2007年）","documentNumber":"第十届全国人民代表大会常务委员会第三十次会议"}],
    "implementingBody":{"name":"广州市规划和自然资源局番禺区分局","code":"114401134554137174","nature":"1"},
    "statutoryTimeLimit":{"value":40,"unit":"workingDays"},"promisedTimeLimit":{"value":5,"unit":"workingDays"},
    "acceptanceConditions":["以公开出让方式使用政府储备用地，已按《国有建设用地使用权出让合同》约定缴清国有建设用地使用权出让价款（含利息和违约金）和契税等相关税费的，实行建设用地规划许可证和国有建设用地使用权不动产权证书合并办理。"],
    "isCharged":false,"serviceObjects":["1","2","3","6"],"caseType":"2","handlingForms":["1"],"visitsRequired":1,
    "materials":[{"name":"立项用地规划许可阶段申请表","isRequired":true,"source":"applicant","form":"paperOrElectronic",
    "copies":{"originals":1,"photocopies":0},"signature":"none"},
    {"name":"申请人身份证明","isRequired":true,"source":"government","issuingDepartment":"公安机关",
    "electronicLicence":{"typeName":"居民身份证"},"form":"paperOrElectronic",
    "copies":{"originals":1,"photocopies":0},"signature":"none"}]}
    """
