/// The lists behind the escalation and sensitive-access rules. Sources: cloudsplaining 0.9.1's
/// 59 privilege-escalation methods (Rhino Security Labs' 21 and pathfinding.cloud's paths),
/// parliament's community auditors, iam-policy-validator's `all_of` combinations, and the
/// SageMaker and Bedrock AgentCore paths no peer lists (each runs the caller's code as a role it
/// passes). Every name is checked against the catalog by the tests.
enum EscalationCatalog {
    /// One action that escalates by itself when granted on every resource without a condition.
    struct SingleAction: Sendable {
        let action: String
        let severity: Severity
        /// What the holder can do with it, for messages: "create access keys for any user, administrators included".
        let effect: String
    }

    /// Actions that together escalate: every one granted on every resource, without a condition.
    struct Path: Sendable {
        /// cloudsplaining's method name where it has one; rolegen's own otherwise.
        let name: String
        let actions: [String]
        /// What the combination lets the holder do.
        let effect: String
        /// For paths through iam:PassRole: the service the role is passed to (`sagemaker`), which
        /// an iam:PassedToService condition must name for the condition to stop the path.
        let passedTo: String?
    }

    static let singleActions: [SingleAction] = [
        .init(action: "iam:CreateAccessKey", severity: .critical, effect: "create access keys for any user, administrators included"),
        .init(action: "iam:CreateLoginProfile", severity: .critical, effect: "give any user without a password a console password"),
        .init(action: "iam:UpdateLoginProfile", severity: .critical, effect: "change the console password of any user"),
        .init(action: "iam:AddUserToGroup", severity: .critical, effect: "add any user, itself included, to an administrators group"),
        .init(action: "iam:CreatePolicyVersion", severity: .critical, effect: "rewrite any customer managed policy, the ones attached to itself included"),
        .init(action: "iam:SetDefaultPolicyVersion", severity: .critical, effect: "switch a managed policy back to an older, broader version"),
        .init(action: "iam:AttachUserPolicy", severity: .critical, effect: "attach AdministratorAccess to any user, itself included"),
        .init(action: "iam:AttachGroupPolicy", severity: .critical, effect: "attach AdministratorAccess to any group, its own included"),
        .init(action: "iam:AttachRolePolicy", severity: .critical, effect: "attach AdministratorAccess to any role, its own included"),
        .init(action: "iam:PutUserPolicy", severity: .critical, effect: "write any inline policy on any user, itself included"),
        .init(action: "iam:PutGroupPolicy", severity: .critical, effect: "write any inline policy on any group, its own included"),
        .init(action: "iam:PutRolePolicy", severity: .critical, effect: "write any inline policy on any role, its own included"),
        .init(action: "iam:UpdateAssumeRolePolicy", severity: .critical, effect: "make any role, the most privileged included, trust itself"),
        .init(action: "iam:DeleteRolePermissionsBoundary", severity: .high, effect: "remove the permissions boundary that limits a role"),
        .init(action: "iam:DeleteUserPermissionsBoundary", severity: .high, effect: "remove the permissions boundary that limits a user"),
        .init(action: "iam:PutRolePermissionsBoundary", severity: .high, effect: "replace a role's permissions boundary with a wider one"),
        .init(action: "iam:PutUserPermissionsBoundary", severity: .high, effect: "replace a user's permissions boundary with a wider one"),
        .init(action: "glue:UpdateDevEndpoint", severity: .high, effect: "add its SSH key to any Glue development endpoint and act as the endpoint's role"),
        .init(action: "lambda:UpdateFunctionCode", severity: .high, effect: "replace the code of any Lambda function and run it as the function's role"),
        .init(action: "sagemaker:CreatePresignedNotebookInstanceUrl", severity: .high, effect: "open any SageMaker notebook instance and run code as its execution role"),
        .init(action: "ssm:SendCommand", severity: .high, effect: "run commands on any managed instance, as the instance's role"),
        .init(action: "ssm:StartSession", severity: .high, effect: "open a shell on any managed instance and use the instance's role"),
    ]

    static let paths: [Path] = [
        .init(name: "CreateEC2WithExistingIP", actions: ["iam:PassRole", "ec2:RunInstances"],
              effect: "start an instance with any role it can pass and use that role from the instance", passedTo: "ec2"),
        .init(name: "PassExistingRoleToNewLambdaThenInvoke", actions: ["iam:PassRole", "lambda:CreateFunction", "lambda:InvokeFunction"],
              effect: "create a function that runs its code as any role it can pass, then invoke it", passedTo: "lambda"),
        .init(name: "PassExistingRoleToNewLambdaThenTriggerWithNewDynamo",
              actions: ["iam:PassRole", "lambda:CreateFunction", "lambda:CreateEventSourceMapping", "dynamodb:CreateTable", "dynamodb:PutItem"],
              effect: "create a function with any role it can pass and trigger it from a new table", passedTo: "lambda"),
        .init(name: "PassExistingRoleToNewLambdaThenTriggerWithExistingDynamo",
              actions: ["iam:PassRole", "lambda:CreateFunction", "lambda:CreateEventSourceMapping"],
              effect: "create a function with any role it can pass and trigger it from an existing stream", passedTo: "lambda"),
        .init(name: "PassExistingRoleToNewLambdaThenAddPermission", actions: ["iam:PassRole", "lambda:CreateFunction", "lambda:AddPermission"],
              effect: "create a function with any role it can pass and let anyone invoke it", passedTo: "lambda"),
        .init(name: "PassExistingRoleToNewGlueDevEndpoint", actions: ["iam:PassRole", "glue:CreateDevEndpoint"],
              effect: "create a Glue development endpoint with any role it can pass and log in to it", passedTo: "glue"),
        .init(name: "PassExistingRoleToNewGlueJobThenRun", actions: ["iam:PassRole", "glue:CreateJob", "glue:StartJobRun"],
              effect: "create and run a Glue job with its own script as any role it can pass", passedTo: "glue"),
        .init(name: "PassExistingRoleToNewGlueJobViaTrigger", actions: ["iam:PassRole", "glue:CreateJob", "glue:CreateTrigger"],
              effect: "create a Glue job with its own script as any role it can pass and trigger it", passedTo: "glue"),
        .init(name: "PassExistingRoleToUpdatedGlueJobThenRun", actions: ["iam:PassRole", "glue:UpdateJob", "glue:StartJobRun"],
              effect: "point a Glue job at its own script and any role it can pass, then run it", passedTo: "glue"),
        .init(name: "PassExistingRoleToUpdatedGlueJobViaTrigger", actions: ["iam:PassRole", "glue:UpdateJob", "glue:CreateTrigger"],
              effect: "point a Glue job at its own script and any role it can pass, then trigger it", passedTo: "glue"),
        .init(name: "PassExistingRoleToCloudFormation", actions: ["iam:PassRole", "cloudformation:CreateStack"],
              effect: "create a stack that any role it can pass deploys, with whatever resources it wants", passedTo: "cloudformation"),
        .init(name: "PassExistingRoleToNewCloudFormationStackSet",
              actions: ["iam:PassRole", "cloudformation:CreateStackSet", "cloudformation:CreateStackInstances"],
              effect: "deploy a stack set with any administration role it can pass", passedTo: "cloudformation"),
        .init(name: "PassRoleToUpdateCloudFormationStackSet", actions: ["iam:PassRole", "cloudformation:UpdateStackSet"],
              effect: "change a stack set's template and role to any role it can pass", passedTo: "cloudformation"),
        .init(name: "ExecuteCloudFormationChangeSet", actions: ["cloudformation:CreateChangeSet", "cloudformation:ExecuteChangeSet"],
              effect: "change any stack with the permissions of the stack's service role", passedTo: nil),
        .init(name: "PassExistingRoleToNewDataPipeline",
              actions: ["iam:PassRole", "datapipeline:CreatePipeline", "datapipeline:PutPipelineDefinition"],
              effect: "define a pipeline that runs its commands as any role it can pass", passedTo: "datapipeline"),
        .init(name: "AccessExistingBedrockCodeInterpreterSession",
              actions: ["bedrock-agentcore:StartCodeInterpreterSession", "bedrock-agentcore:InvokeCodeInterpreter"],
              effect: "run code in any Bedrock AgentCore code interpreter, as the interpreter's execution role", passedTo: nil),
        .init(name: "PassExistingRoleToNewBedrockCodeInterpreter",
              actions: ["iam:PassRole", "bedrock-agentcore:CreateCodeInterpreter", "bedrock-agentcore:StartCodeInterpreterSession",
                        "bedrock-agentcore:InvokeCodeInterpreter"],
              effect: "create a code interpreter with any role it can pass and run code in it", passedTo: "bedrock-agentcore"),
        .init(name: "PassExistingRoleToNewBedrockAgentRuntime",
              actions: ["iam:PassRole", "bedrock-agentcore:CreateAgentRuntime", "bedrock-agentcore:InvokeAgentRuntime"],
              effect: "deploy its own agent container with any role it can pass and invoke it", passedTo: "bedrock-agentcore"),
        .init(name: "ModifyEC2InstanceUserDataThenRestart",
              actions: ["ec2:ModifyInstanceAttribute", "ec2:StopInstances", "ec2:StartInstances"],
              effect: "replace an instance's user data and restart it, running its code as the instance's role", passedTo: nil),
        .init(name: "ModifyExistingEC2LaunchTemplate", actions: ["ec2:CreateLaunchTemplateVersion", "ec2:ModifyLaunchTemplate"],
              effect: "make a launch template start instances with its code and the template's role", passedTo: nil),
        .init(name: "PassExistingRoleToNewEC2SpotInstance", actions: ["iam:PassRole", "ec2:RequestSpotInstances"],
              effect: "start a spot instance with any role it can pass", passedTo: "ec2"),
        .init(name: "EC2InstanceConnectSendSSHPublicKey", actions: ["ec2-instance-connect:SendSSHPublicKey", "ec2:DescribeInstances"],
              effect: "log in to any instance and use the instance's role", passedTo: nil),
        .init(name: "ECSExecuteCommandOnRunningTask", actions: ["ecs:ExecuteCommand", "ecs:DescribeTasks"],
              effect: "open a shell in any running task and use the task's role", passedTo: nil),
        .init(name: "PassExistingRoleToNewECSClusterServiceTask",
              actions: ["iam:PassRole", "ecs:CreateCluster", "ecs:RegisterTaskDefinition", "ecs:CreateService"],
              effect: "run its own container as any role it can pass", passedTo: "ecs"),
        .init(name: "PassExistingRoleToNewECSClusterRunTask",
              actions: ["iam:PassRole", "ecs:CreateCluster", "ecs:RegisterTaskDefinition", "ecs:RunTask"],
              effect: "run its own container as any role it can pass", passedTo: "ecs"),
        .init(name: "PassExistingRoleToNewECSService", actions: ["iam:PassRole", "ecs:RegisterTaskDefinition", "ecs:CreateService"],
              effect: "run its own container as any role it can pass", passedTo: "ecs"),
        .init(name: "PassExistingRoleToNewECSTaskViaRunTask", actions: ["iam:PassRole", "ecs:RegisterTaskDefinition", "ecs:RunTask"],
              effect: "run its own container as any role it can pass", passedTo: "ecs"),
        .init(name: "PassExistingRoleToNewECSTaskViaStartTask", actions: ["iam:PassRole", "ecs:RegisterTaskDefinition", "ecs:StartTask"],
              effect: "run its own container as any role it can pass", passedTo: "ecs"),
        .init(name: "PassExistingRoleToNewAppRunnerService", actions: ["iam:PassRole", "apprunner:CreateService"],
              effect: "run its own service as any role it can pass", passedTo: "apprunner"),
        .init(name: "PassExistingRoleToNewCodeBuildProjectThenBuild",
              actions: ["iam:PassRole", "codebuild:CreateProject", "codebuild:StartBuild"],
              effect: "run its own build commands as any role it can pass", passedTo: "codebuild"),
        .init(name: "PassExistingRoleToNewCodeBuildProjectThenBuildBatch",
              actions: ["iam:PassRole", "codebuild:CreateProject", "codebuild:StartBuildBatch"],
              effect: "run its own build commands as any role it can pass", passedTo: "codebuild"),
        .init(name: "PassExistingRoleToNewSageMakerNotebookInstance", actions: ["iam:PassRole", "sagemaker:CreateNotebookInstance"],
              effect: "create a notebook instance with any role it can pass and run code in it", passedTo: "sagemaker"),
        .init(name: "PassExistingRoleToNewSageMakerTrainingJob", actions: ["iam:PassRole", "sagemaker:CreateTrainingJob"],
              effect: "start a training job whose container runs its code as any role it can pass", passedTo: "sagemaker"),
        .init(name: "PassExistingRoleToNewSageMakerProcessingJob", actions: ["iam:PassRole", "sagemaker:CreateProcessingJob"],
              effect: "start a processing job whose container runs its code as any role it can pass", passedTo: "sagemaker"),
        .init(name: "PassExistingRoleToNewSageMakerHyperParameterTuningJob",
              actions: ["iam:PassRole", "sagemaker:CreateHyperParameterTuningJob"],
              effect: "start tuning jobs whose training containers run its code as any role it can pass", passedTo: "sagemaker"),
        .init(name: "PassExistingRoleToNewSageMakerModelEndpoint",
              actions: ["iam:PassRole", "sagemaker:CreateModel", "sagemaker:CreateEndpointConfig", "sagemaker:CreateEndpoint"],
              effect: "deploy a model whose inference container runs its code as any role it can pass", passedTo: "sagemaker"),
        .init(name: "PassExistingRoleToNewSageMakerModelTransformJob",
              actions: ["iam:PassRole", "sagemaker:CreateModel", "sagemaker:CreateTransformJob"],
              effect: "run a batch transform whose container runs its code as any role it can pass", passedTo: "sagemaker"),
        .init(name: "PassExistingRoleToNewSageMakerPipeline",
              actions: ["iam:PassRole", "sagemaker:CreatePipeline", "sagemaker:StartPipelineExecution"],
              effect: "run a pipeline whose steps run its code as any role it can pass", passedTo: "sagemaker"),
        .init(name: "PassExistingRoleToNewSageMakerUserProfile",
              actions: ["iam:PassRole", "sagemaker:CreateUserProfile", "sagemaker:CreatePresignedDomainUrl"],
              effect: "create a Studio user profile with any role it can pass and open Studio as it", passedTo: "sagemaker"),
        .init(name: "UpdateSageMakerNotebookLifecycleConfig",
              actions: ["sagemaker:CreateNotebookInstanceLifecycleConfig", "sagemaker:StopNotebookInstance",
                        "sagemaker:UpdateNotebookInstance", "sagemaker:StartNotebookInstance"],
              effect: "make any notebook instance run its start-up script as the notebook's role", passedTo: nil),
    ]

    /// Actions that return credentials or tokens for someone or something other than the caller
    /// (a password, a key, a database login, another role's session). Tokens that only carry the
    /// caller's own permissions (ecr:GetAuthorizationToken, sts:GetSessionToken,
    /// codeartifact:GetAuthorizationToken, sts:GetServiceBearerToken, connect:GetFederationToken,
    /// cloud9:CreateEnvironmentToken) and the unsigned
    /// sts:AssumeRoleWith* calls (identity policies do not govern them) are left out, and so are
    /// the database logins mapped to the caller's own IAM identity (redshift:GetClusterCredentialsWithIAM,
    /// redshift-serverless:GetCredentials) and gamelift:GetComputeAuthToken (a compute's own token); the IAM
    /// actions that create keys and passwords are privesc-single-action's.
    static let credentialActions: [String] = [
        "sts:AssumeRole",
        "iam:CreateServiceSpecificCredential", "iam:ResetServiceSpecificCredential", "iam:UpdateAccessKey", "iam:UploadSSHPublicKey",
        "ec2:GetPasswordData",
        "redshift:GetClusterCredentials",
        "rds-db:connect", "dsql:DbConnectAdmin",
        "lightsail:GetInstanceAccessDetails", "lightsail:GetRelationalDatabaseMasterUserPassword", "lightsail:CreateBucketAccessKey",
        "cognito-identity:GetOpenIdTokenForDeveloperIdentity", "cognito-idp:AdminInitiateAuth",
        "mediapackage:RotateChannelCredentials", "mediapackage:RotateIngestEndpointCredentials",
        "codepipeline:PollForJobs",
        "gamelift:RequestUploadCredentials", "gamelift:GetInstanceAccess", "gamelift:GetComputeAccess",
        "chime:CreateApiKey", "emr-containers:GetManagedEndpointSessionCredentials",
        "ds:ResetUserPassword",
    ]

    /// Reads of data and secrets, and the snapshot operations that copy or share whole databases and volumes.
    static let dataActions: [String] = [
        "s3:GetObject", "s3:GetObjectVersion",
        "ssm:GetParameter", "ssm:GetParameters", "ssm:GetParametersByPath", "ssm:GetParameterHistory",
        "secretsmanager:GetSecretValue", "secretsmanager:BatchGetSecretValue",
        "rds:CopyDBSnapshot", "rds:CreateDBSnapshot", "rds:CopyDBClusterSnapshot", "rds:ModifyDBSnapshotAttribute",
        "rds:ModifyDBClusterSnapshotAttribute", "ec2:ModifySnapshotAttribute", "ebs:GetSnapshotBlock",
        "dynamodb:Scan",
    ]

    /// The lists as names to match, lower-cased once.
    static let credentialNames = credentialActions.map(ActionName.init)
    static let dataNames = dataActions.map(ActionName.init)
    static let singleActionNamesToMatch = singleActions.map { ActionName($0.action) }
    static let pathNames = paths.map { $0.actions.map(ActionName.init) }

    /// Lower-cased names of the single escalating actions, for the rules that leave them to privesc-single-action.
    static let singleActionNames: Set<String> = Set(singleActions.map { $0.action.lowercased() })
}
