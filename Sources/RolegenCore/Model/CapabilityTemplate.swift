/// A reusable capability: one file under `templates/`, such as `sagemaker-training-jobs`.
package struct CapabilityTemplate: Sendable {
    package var name: Located<String>
    package var version: Int
    package var description: String
    package var path: String
    package var parameters: [ParameterSpec]
    package var includes: [TemplateInclude]
    package var statements: [StatementTemplate]
    /// Guards every statement supports, besides those it lists itself.
    package var defaultGuards: [GuardReference]

    package func parameter(named name: String) -> ParameterSpec? {
        parameters.first { $0.name.value == name }
    }
}

/// A typed parameter of a template or guard.
package struct ParameterSpec: Sendable {
    package var name: Located<String>
    package var type: ParameterType
    package var description: String?
    /// Used when a persona gives no value; may refer to `${partition}`, `${account}`, `${region}`.
    package var defaultValue: SourceNode?
    /// The only values accepted, when the parameter is a choice.
    package var allowed: [String]?
    package var location: SourceLocation

    package var isRequired: Bool { defaultValue == nil }
}

/// `include:` of another template, with the arguments it passes.
package struct TemplateInclude: Sendable {
    package var template: Located<String>
    package var arguments: [(name: Located<String>, value: SourceNode)]
    package var location: SourceLocation
}

/// A statement of a template (or a persona's explicit Deny), before its references are resolved.
package struct StatementTemplate: Sendable {
    package var sid: Located<String>
    package var description: String?
    package var effect: Effect
    package var actions: [Located<String>]
    package var actionsAreExcluded: Bool
    package var resources: [Interpolated]
    package var resourcesAreExcluded: Bool
    package var conditions: [ConditionTemplate]
    /// The guards the statement supports besides the template's; `nil` when it lists none.
    package var guards: [GuardReference]?
    /// The statement exists only when the persona turns this guard on (a KMS grant that only
    /// makes sense with encryption keys, ENI permissions only inside a VPC).
    package var whenGuard: Located<String>?
    /// Actions chosen by access level from the catalog, instead of listed (`actions` is empty).
    package var access: AccessSelection?
    /// Why `Resource: "*"` is right for actions whose resource types are all optional (the
    /// pre-trained `comprehend:DetectEntities` names no resource); `nil` when not given.
    package var unscopedReason: String? = nil
    package var location: SourceLocation
}

/// `access:` in a statement: the actions of a service at some access levels, from the catalog.
/// With a resource type, the actions that accept it, on ARNs built from its formats; without,
/// the actions that accept no resource, on `"*"`.
package struct AccessSelection: Sendable {
    package var service: Located<String>
    package var levels: [AccessLevel]
    package var resourceType: Located<String>?
    /// Values for the ARN format's variables other than partition, region and account; `*` when absent.
    package var arnNames: [(variable: Located<String>, value: Interpolated)]
    package var location: SourceLocation
}

/// One `operator: {key: values}` entry of a statement or guard form.
package struct ConditionTemplate: Sendable {
    package var operatorName: Located<String>
    package var key: Interpolated
    package var values: [Interpolated]
    package var location: SourceLocation
}

/// A statement's declaration that a guard may apply to it: `network` or `network/ec2`.
package struct GuardReference: Hashable, Sendable {
    package var guardName: String
    package var form: String?
    package var location: SourceLocation

    package var description: String { form.map { "\(guardName)/\($0)" } ?? guardName }
}

/// A guard: a named, optional set of conditions a persona switches on, in one file under
/// `templates/guards/`. Each form is the shape the guard takes for one kind of statement
/// (SageMaker create calls check `sagemaker:VpcSubnets`, EC2 calls check `ec2:Subnet`).
package struct GuardDefinition: Sendable {
    package var name: Located<String>
    package var version: Int
    package var description: String
    package var path: String
    package var parameters: [ParameterSpec]
    package var forms: [GuardForm]

    package func form(named name: String?) -> GuardForm? {
        guard let name else { return forms.count == 1 ? forms[0] : forms.first { $0.name.value == "default" } }
        return forms.first { $0.name.value == name }
    }
}

package struct GuardForm: Sendable {
    package var name: Located<String>
    package var description: String?
    package var conditions: [ConditionTemplate]
}

/// Either kind of file the template library holds.
package enum LibraryEntry: Sendable {
    case template(CapabilityTemplate)
    case guardDefinition(GuardDefinition)
}
