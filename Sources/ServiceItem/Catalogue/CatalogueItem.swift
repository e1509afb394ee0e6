/// 事项要素: the catalogue elements of one implemented item, as the national exchange
/// records carry them, Codable to and from JSON (`Specs/service-item/catalogue-item.schema.json`).
///
/// Coded values (types, levels, forms) encode as the codes of GB/T 39046 appendix A, so a
/// file exchanges with national systems without translation. Check an item's internal
/// consistency with ``CatalogueValidator``.
public struct CatalogueItem: Sendable, Hashable, Codable {
    /// 事项名称.
    public var name: String
    /// 基本编码.
    public var basicCode: BasicCode
    /// 实施编码.
    public var implementationCode: ImplementationCode
    /// 业务办理项: the ways of handling the item, each with its 33-character code.
    public var businessItems: [BusinessItem]
    /// 事项类型.
    public var itemType: ItemType
    /// 事项状态.
    public var state: ItemState
    /// 事项版本.
    public var version: String?
    /// 行使层级: every level at which the item is exercised.
    public var levels: [ExercisingLevel]
    /// 设定依据.
    public var legalBasis: [LegalBasis]
    /// 权力来源, as the catalogue words it.
    public var powerSource: String?
    /// 实施主体.
    public var implementingBody: ImplementingBody
    /// 法定办结时限.
    public var statutoryTimeLimit: TimeLimit
    /// 承诺办结时限.
    public var promisedTimeLimit: TimeLimit
    /// 受理条件.
    public var acceptanceConditions: [String]
    /// 办理流程: the steps in order.
    public var process: [String]
    /// 是否收费.
    public var isCharged: Bool
    /// 收费项目 (empty when free).
    public var fees: [Fee]
    /// 服务对象.
    public var serviceObjects: [ServiceObject]
    /// 办件类型.
    public var caseType: CaseType
    /// 办理形式.
    public var handlingForms: [HandlingForm]
    /// 到办事现场次数.
    public var visitsRequired: Int
    /// 办理地点和时间.
    public var handlingPlaces: [HandlingPlace]
    /// 咨询和监督投诉方式.
    public var contact: Contact?
    /// 网上办理: nil when the item cannot be handled online at all.
    public var online: OnlineService?
    /// 申请材料.
    public var materials: [Material]

    public init(
        name: String, basicCode: BasicCode, implementationCode: ImplementationCode,
        businessItems: [BusinessItem] = [], itemType: ItemType, state: ItemState = .inUse, version: String? = nil,
        levels: [ExercisingLevel], legalBasis: [LegalBasis], powerSource: String? = nil,
        implementingBody: ImplementingBody, statutoryTimeLimit: TimeLimit, promisedTimeLimit: TimeLimit,
        acceptanceConditions: [String], process: [String] = [], isCharged: Bool = false, fees: [Fee] = [],
        serviceObjects: [ServiceObject], caseType: CaseType, handlingForms: [HandlingForm], visitsRequired: Int,
        handlingPlaces: [HandlingPlace] = [], contact: Contact? = nil, online: OnlineService? = nil,
        materials: [Material]
    ) {
        self.name = name
        self.basicCode = basicCode
        self.implementationCode = implementationCode
        self.businessItems = businessItems
        self.itemType = itemType
        self.state = state
        self.version = version
        self.levels = levels
        self.legalBasis = legalBasis
        self.powerSource = powerSource
        self.implementingBody = implementingBody
        self.statutoryTimeLimit = statutoryTimeLimit
        self.promisedTimeLimit = promisedTimeLimit
        self.acceptanceConditions = acceptanceConditions
        self.process = process
        self.isCharged = isCharged
        self.fees = fees
        self.serviceObjects = serviceObjects
        self.caseType = caseType
        self.handlingForms = handlingForms
        self.visitsRequired = visitsRequired
        self.handlingPlaces = handlingPlaces
        self.contact = contact
        self.online = online
        self.materials = materials
    }
}

extension CatalogueItem {
    /// Lists a catalogue may leave out (no business items, no fees, no windows) decode as
    /// empty; everything the validator needs to judge the item is required.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        name = try container.decode(String.self, forKey: .name)
        basicCode = try container.decode(BasicCode.self, forKey: .basicCode)
        implementationCode = try container.decode(ImplementationCode.self, forKey: .implementationCode)
        businessItems = try container.decodeIfPresent([BusinessItem].self, forKey: .businessItems) ?? []
        itemType = try container.decode(ItemType.self, forKey: .itemType)
        state = try container.decode(ItemState.self, forKey: .state)
        version = try container.decodeIfPresent(String.self, forKey: .version)
        levels = try container.decode([ExercisingLevel].self, forKey: .levels)
        legalBasis = try container.decode([LegalBasis].self, forKey: .legalBasis)
        powerSource = try container.decodeIfPresent(String.self, forKey: .powerSource)
        implementingBody = try container.decode(ImplementingBody.self, forKey: .implementingBody)
        statutoryTimeLimit = try container.decode(TimeLimit.self, forKey: .statutoryTimeLimit)
        promisedTimeLimit = try container.decode(TimeLimit.self, forKey: .promisedTimeLimit)
        acceptanceConditions = try container.decode([String].self, forKey: .acceptanceConditions)
        process = try container.decodeIfPresent([String].self, forKey: .process) ?? []
        isCharged = try container.decode(Bool.self, forKey: .isCharged)
        fees = try container.decodeIfPresent([Fee].self, forKey: .fees) ?? []
        serviceObjects = try container.decode([ServiceObject].self, forKey: .serviceObjects)
        caseType = try container.decode(CaseType.self, forKey: .caseType)
        handlingForms = try container.decode([HandlingForm].self, forKey: .handlingForms)
        visitsRequired = try container.decode(Int.self, forKey: .visitsRequired)
        handlingPlaces = try container.decodeIfPresent([HandlingPlace].self, forKey: .handlingPlaces) ?? []
        contact = try container.decodeIfPresent(Contact.self, forKey: .contact)
        online = try container.decodeIfPresent(OnlineService.self, forKey: .online)
        materials = try container.decode([Material].self, forKey: .materials)
    }
}
