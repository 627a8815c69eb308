// chaosGate: one call in a stage. Runs the chaos-gate CLI on the agent, publishes its JUnit, archives
// its JSON and HTML reports, and sets the build result from the exit code. The gate itself lives in
// the CLI: the exit code is the verdict, so nothing here decides pass or fail.

import groovy.transform.Field

@Field static final String DEFAULT_VERSION = '0.1.0'

/** Every option, with the type it takes. Lists also accept a single String. */
@Field static final Map<String, Class> OPTION_TYPES = [
    config                 : String,
    engines                : List,
    rbac                   : List,
    experiments            : List,
    namespace              : String,
    context                : String,
    kubeconfigCredentialsId: String,
    timeout                : String,
    cleanup                : String,
    workflow               : String,
    workflowTemplate       : String,
    parameters             : Map,
    minProbeSuccess        : Number,
    allowFailures          : List,
    stoppedAs              : String,
    timeoutsAs             : String,
    reportDir              : String,
    onGateFailure          : String,
    version                : String,
    cliPath                : String,
    extraArgs              : List,
]

/** Options that map straight onto a CLI flag. */
@Field static final Map<String, String> FLAGS = [
    config          : '--config',
    engines         : '--engine',
    rbac            : '--rbac',
    experiments     : '--experiment',
    namespace       : '--namespace',
    context         : '--context',
    timeout         : '--timeout',
    cleanup         : '--cleanup',
    workflow        : '--workflow',
    workflowTemplate: '--workflow-template',
    minProbeSuccess : '--min-probe-success',
    allowFailures   : '--allow-failure',
    stoppedAs       : '--stopped-as',
    timeoutsAs      : '--timeouts-as',
]

@Field static final String KUBECONFIG_VARIABLE = 'CHAOS_GATE_KUBECONFIG'

def call(Map config = [:]) {
    Map options = normalise(config)
    String dir = options.reportDir ?: 'chaos-gate-results'
    Map reports = [junit: "${dir}/junit.xml", json: "${dir}/report.json", html: "${dir}/report.html"]
    String stderrFile = "${dir}/chaos-gate.stderr"
    String script = commandLine(options, reports, stderrFile)

    int exitCode
    try {
        if (options.kubeconfigCredentialsId) {
            withCredentials([file(credentialsId: options.kubeconfigCredentialsId, variable: KUBECONFIG_VARIABLE)]) {
                exitCode = sh(script: script, returnStatus: true)
            }
        } else {
            exitCode = sh(script: script, returnStatus: true)
        }
    } finally {
        publish(reports)
    }

    Map result = [exitCode: exitCode, verdict: verdictOf(exitCode)] + reports
    applyResult(options, exitCode, stderrFile)
    return result
}

/** Checks names and types, so a typo fails the stage at once instead of being ignored. */
private Map normalise(Map config) {
    Map options = [:]
    config.each { String key, value ->
        Class expected = OPTION_TYPES[key]
        if (expected == null) {
            error("chaosGate: unknown option '${key}'; known options: ${OPTION_TYPES.keySet().join(', ')}")
        }
        if (value == null) return
        if (expected == List && value instanceof CharSequence) value = [value.toString()]
        if (!expected.isInstance(value) && !(expected == String && value instanceof CharSequence)) {
            error("chaosGate: option '${key}' must be a ${expected.simpleName}, got ${value.getClass().simpleName}")
        }
        options[key] = value instanceof CharSequence ? value.toString() : value
    }
    if (!options.config && !options.engines && !options.workflow && !options.workflowTemplate) {
        error("chaosGate: give 'config', 'engines', 'workflow' or 'workflowTemplate'")
    }
    if (options.onGateFailure && !(options.onGateFailure in ['UNSTABLE', 'FAILURE'])) {
        error("chaosGate: option 'onGateFailure' must be UNSTABLE or FAILURE, got '${options.onGateFailure}'")
    }
    if (options.cliPath && options.version) {
        error("chaosGate: give either 'cliPath' or 'version', not both")
    }
    return options
}

/** The sh script: the CLI with every argument quoted, stderr kept in a file for the failure message. */
@NonCPS
private static String commandLine(Map options, Map reports, String stderrFile) {
    List<String> args = ['run']
    FLAGS.each { String key, String flag ->
        def value = options[key]
        if (value == null) return
        (value instanceof List ? value : [value]).each { args << flag << it.toString() }
    }
    options.parameters?.each { name, value -> args << '--parameter' << "${name}=${value}".toString() }
    args << '--junit' << reports.junit << '--json' << reports.json << '--html' << reports.html
    options.extraArgs?.each { args << it.toString() }

    String cli = options.cliPath ?: "npx --yes chaos-gate@${options.version ?: DEFAULT_VERSION}"
    // The kubeconfig path stays a shell variable: the secret's path is never written into the script.
    String kubeconfig = options.kubeconfigCredentialsId ? " --kubeconfig \"\$${KUBECONFIG_VARIABLE}\"" : ''
    String dir = quote(reports.junit.substring(0, reports.junit.lastIndexOf('/')))
    return [
        "mkdir -p ${dir}",
        "${cli} ${args.collect { quote(it) }.join(' ')}${kubeconfig} 2>${quote(stderrFile)}",
        'status=$?',
        "cat ${quote(stderrFile)} >&2",
        'exit $status',
    ].join('\n')
}

/** POSIX single quotes: nothing inside is expanded by the shell. */
@NonCPS
private static String quote(String value) {
    return "'" + value.replace("'", "'\"'\"'") + "'"
}

private void publish(Map reports) {
    if (fileExists(reports.junit)) {
        // The exit code decides the build; the test view only shows what happened.
        junit(testResults: reports.junit, allowEmptyResults: true, keepProperties: true, skipMarkingBuildUnstable: true)
    }
    archiveArtifacts(artifacts: "${reports.json},${reports.html}", allowEmptyArchive: true)
}

@NonCPS
private static String verdictOf(int exitCode) {
    return exitCode == 0 ? 'pass' : exitCode == 1 ? 'fail' : 'error'
}

private void applyResult(Map options, int exitCode, String stderrFile) {
    switch (exitCode) {
        case 0:
            return
        case 1:
            String message = 'chaos gate failed: see the chaos-gate test results'
            if (options.onGateFailure == 'UNSTABLE') {
                unstable(message)
            } else {
                error(message)
            }
            return
        case 2:
            error("chaos-gate could not run: ${cliError(stderrFile)}")
            return
        case 130:
        case 143:
            error("chaos-gate was interrupted (exit ${exitCode}); it stopped the chaos and cleaned up before exiting")
            return
        default:
            error("chaos-gate exited with ${exitCode}: ${cliError(stderrFile)}")
    }
}

private String cliError(String stderrFile) {
    return fileExists(stderrFile) ? errorText(readFile(stderrFile)) : '(no output)'
}

/** The CLI's own message ("chaos-gate: error: ..." and the lines after it), or the last lines of stderr. */
@NonCPS
private static String errorText(String stderr) {
    List<String> lines = stderr.readLines().findAll { it.trim() }
    int start = lines.findIndexOf { it.startsWith('chaos-gate: error: ') }
    List<String> chosen = start >= 0 ? lines.subList(start, lines.size()) : lines.takeRight(5)
    return chosen ? chosen.join('\n').replaceFirst('^chaos-gate: error: ', '') : '(no output)'
}
