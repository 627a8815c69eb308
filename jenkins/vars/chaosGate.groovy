// chaosGate: one call in a stage. Runs the chaos-gate CLI on the agent, publishes its JUnit and its
// HTML report, archives its reports, and sets the build result from the exit code. The gate itself
// lives in the CLI: the exit code is the verdict, so nothing here decides pass or fail.
// chaosGate.merge joins the JSON reports of parallel gates the same way, with `chaos-gate merge`.

import groovy.transform.Field

/**
 * The CLI that ships with this library (built from the same commit into resources/), run with node.
 * The step never runs a CLI by package name: a name nobody here published could belong to anyone, and
 * that package would be handed the kubeconfig. Two files: cli.mjs is the entry, which turns on Node's
 * compile cache before it loads main.mjs, the rest of the CLI.
 */
@Field static final List<String> CLI_FILES = ['cli.mjs', 'main.mjs']
/**
 * Where they are written on the agent, inside the workspace, in a folder per reportDir: parallel gates
 * in one workspace (each with its own reportDir) must not rewrite the files another one's node is
 * still loading. libraryResource reads them from chaos-gate/.
 */
@Field static final String CLI_DIR = '.chaos-gate'
@Field static final String DEFAULT_REPORT_DIR = 'chaos-gate-results'
/** Not the run step's: merge removes its own reports first, which would delete a default gate's input. */
@Field static final String DEFAULT_MERGE_DIR = 'chaos-gate-merged'
/**
 * The report folders of the gates running now, by agent and path. Two parallel gates in one folder
 * would delete and overwrite each other's reports and CLI files, so the second stops before it starts.
 * Static: one set per build, as each build loads the library's classes anew; parallel branches share it.
 */
@Field static final Set<String> REPORT_DIRS_IN_USE = new HashSet<String>()

/**
 * Options whose absence picks another cluster: the agent's own kubeconfig, or its current context.
 * Left out, that is a choice; null is an unset variable (`env.KUBE_CREDENTIALS`), and chaos would go to
 * whatever cluster the agent reaches, so null is refused for these, where it leaves others out.
 */
@Field static final List<String> CLUSTER_OPTIONS = ['kubeconfigCredentialsId', 'context']

/**
 * What findFiles (pipeline-utility-steps) returns for each file; it prints as the file's path, so it is
 * taken as one (`reports: findFiles(glob: 'chaos/*\/report.json')`). Named, not imported: the library
 * does not need that plugin.
 */
@Field static final String FOUND_FILE_CLASS = 'org.jenkinsci.plugins.pipeline.utility.steps.fs.FileWrapper'

/** Every option and the kind of value it takes ('List' also accepts one String; 'Percent' is a Number or a String such as '90%'). */
@Field static final Map<String, String> OPTION_KINDS = [
    // what to run
    config                 : 'String',
    engines                : 'List',
    rbac                   : 'List',
    experiments            : 'List',
    workflow               : 'String',
    workflowTemplate       : 'String',
    clusterWorkflowTemplate: 'String',
    parameters             : 'Map',
    workflowNamespace      : 'String',
    workflowShutdown       : 'String',
    ctkJournals            : 'List',
    // where
    namespace              : 'String',
    context                : 'String',
    kubeconfigCredentialsId: 'String',
    inCluster              : 'Boolean',
    allowNamespaces        : 'List',
    allowClusterScoped     : 'Boolean',
    // how long, and what is left behind
    timeout                : 'String',
    stopTimeout            : 'String',
    cleanup                : 'String',
    runId                  : 'String',
    label                  : 'String',
    // gate policy (decided by the CLI)
    minProbeSuccess        : 'Percent',
    allowFailures          : 'List',
    stoppedAs              : 'String',
    timeoutsAs             : 'String',
    failOnFailure          : 'Boolean',
    // reports
    junitCaseProperties    : 'Boolean',
    healthScaleFactor      : 'Number',
    checksName             : 'String',
    publishJUnit           : 'Boolean',
    // this step
    onGateFailure          : 'String',
    reportDir              : 'String',
    cliPath                : 'String',
    extraArgs              : 'List',
]

/** The options only chaosGate.merge takes: the reports to join, and how many there must be. */
@Field static final Map<String, String> MERGE_OWN_OPTION_KINDS = [reports: 'List', expect: 'Number']

/**
 * The options chaosGate.merge takes besides its own: only those of the run step that `chaos-gate
 * merge` reads (it refuses the others), so that an engine or a credential is not quietly ignored.
 */
@Field static final List<String> MERGE_OPTIONS = ['config', 'minProbeSuccess', 'allowFailures', 'stoppedAs', 'timeoutsAs',
    'failOnFailure', 'junitCaseProperties', 'healthScaleFactor', 'checksName', 'onGateFailure', 'reportDir', 'cliPath']

/** Options passed straight to a CLI flag (a List repeats the flag; a Boolean gives --flag or --no-flag). */
@Field static final Map<String, String> FLAGS = [
    config                 : 'config',
    engines                : 'engine',
    rbac                   : 'rbac',
    experiments            : 'experiment',
    workflow               : 'workflow',
    workflowTemplate       : 'workflow-template',
    clusterWorkflowTemplate: 'cluster-workflow-template',
    workflowNamespace      : 'workflow-namespace',
    workflowShutdown       : 'workflow-shutdown',
    ctkJournals            : 'ctk-journal',
    namespace              : 'namespace',
    context                : 'context',
    inCluster              : 'in-cluster',
    allowNamespaces        : 'allow-namespace',
    allowClusterScoped     : 'allow-cluster-scoped',
    timeout                : 'timeout',
    stopTimeout            : 'stop-timeout',
    cleanup                : 'cleanup',
    runId                  : 'run-id',
    label                  : 'label',
    minProbeSuccess        : 'min-probe-success',
    allowFailures          : 'allow-failure',
    stoppedAs              : 'stopped-as',
    timeoutsAs             : 'timeouts-as',
    failOnFailure          : 'fail-on-failure',
    expect                 : 'expect',
]

def call(Map config = [:]) {
    return commandStep('chaosGate', 'run', config)
}

/** `chaos-gate merge`: one JUnit, HTML report and gate over the JSON reports of parallel gates. */
def merge(Map config = [:]) {
    return mergeAs('chaosGate', config)
}

/**
 * chaosGateMerge's entry, not the user's: merge, its messages starting with `step`, the name of the step
 * the user called. Not a second signature of merge, whose options are all chaosGate.txt documents;
 * public only because chaosGateMerge, another vars/ script, calls it.
 */
def mergeAs(String step, Map config) {
    return commandStep(step, 'merge', config)
}

/**
 * The step for a CLI command, run or merge: checks the options, claims the reportDir, then gates.
 * Every message it fails or warns with starts with `step`, the step the user looks for in the log.
 */
private Map commandStep(String step, String command, Map config) {
    Map kinds = optionKinds(command)
    String problem = problemWith(config, kinds) ?: (command == 'merge' ? problemWithMerge(config) : null)
    if (problem) {
        error("${step}: ${problem}")
    }
    if (!isUnix()) {
        // The script is POSIX sh (quoting, the TERM trap); on Windows `sh` fails with "Cannot run program nohup".
        error("${step}: needs a Linux or macOS agent: it runs the CLI with sh, and this agent runs Windows")
    }
    Map options = normalised(config, kinds)
    Map reports = reportPaths(options.reportDir ?: (command == 'merge' ? DEFAULT_MERGE_DIR : DEFAULT_REPORT_DIR))
    String inUseKey = "${env.NODE_NAME ?: ''}:${pwd()}/${reports.dir}".toString()
    if (!claim(inUseKey)) {
        error("${step}: reportDir '${reports.dir}' is in use by another chaosGate running in this workspace (a parallel branch?); give each parallel gate its own reportDir")
    }
    try {
        return gate(step, command, options, reports)
    } finally {
        release(inUseKey)
    }
}

/** The options a command's step takes, and their kinds (as OPTION_KINDS). */
@NonCPS
private static Map<String, String> optionKinds(String command) {
    return command == 'merge' ? MERGE_OWN_OPTION_KINDS + OPTION_KINDS.subMap(MERGE_OPTIONS) : OPTION_KINDS
}

@NonCPS
private static boolean claim(String key) {
    return REPORT_DIRS_IN_USE.add(key)
}

@NonCPS
private static void release(String key) {
    REPORT_DIRS_IN_USE.remove(key)
}

/** Writes the CLI, runs it, publishes its reports and sets the build result: the step, once checked. */
private Map gate(String step, String command, Map options, Map reports) {
    if (!options.cliPath) {
        // A List, not a Map: the loop's iterator and variable are saved with the build at each step, and
        // a Map's iterator and entries cannot be (NotSerializableException on a real controller).
        for (String file in CLI_FILES) {
            writeFile(file: "${reports.cliDir}/${file}", text: libraryResource("chaos-gate/${file}"))
        }
    }
    String script = shellScript(command, options, reports)

    int exitCode
    boolean cliReturned = false
    // Set as sh starts: its script first removes an earlier build's reports. Stopped before that (a
    // credential ID that does not exist, an abort while it is bound), the run wrote nothing, and what
    // lies in reportDir is the last build's, which must not be published as this one's.
    Map run = [shStarted: false]
    Exception notPublished = null
    try {
        exitCode = runCli(options, script, run)
        cliReturned = true
    } finally {
        // Also when the gate failed, and when the build is being aborted.
        if (run.shStarted) notPublished = publish(step, options, reports, cliReturned)
    }
    // The verdict first: a report that could not be published must not hide a failed gate, or chaos
    // that may still be running, behind a publisher's error.
    if (notPublished) echo("${step}: could not publish the reports: ${notPublished.message}")
    applyResult(step, command, options.onGateFailure ?: 'FAILURE', exitCode, reports)
    if (notPublished) throw notPublished
    // applyResult has thrown for every exit code but 0 and 1.
    return [exitCode: exitCode, verdict: exitCode == 0 ? 'pass' : 'fail', junit: reports.junit, json: reports.json, html: reports.html]
}

/** Why the options cannot be used, or null: a typo fails the stage at once instead of being ignored. */
@NonCPS
private static String problemWith(Map config, Map<String, String> kinds) {
    if (config.containsKey('version')) {
        return "option 'version' is gone: the step runs the CLI bundled with this library; pin the library instead, e.g. @Library('chaos-gate@v0.2.0')"
    }
    for (entry in config) {
        String expected = kinds[entry.key as String]
        if (expected == null) {
            return "unknown option '${entry.key}'; known options: ${kinds.keySet().join(', ')}"
        }
        if (entry.value == null && entry.key in CLUSTER_OPTIONS) {
            return "option '${entry.key}' is null (an unset variable?); the run would go to the agent's own cluster: give it a value or leave it out"
        }
        String kind = kindOf(entry.value)
        if (entry.value != null && !fits(expected, kind)) {
            return "option '${entry.key}' must be ${expected == 'Percent' ? "a Number or a String such as '90%'" : "a ${expected}"}, got a ${kind}"
        }
        if (kind == 'String' && !entry.value) {
            // An unset parameter, not a choice: '' would run on the agent's own cluster, or without the config.
            return "option '${entry.key}' is empty; give it a value or leave it out"
        }
        if (expected == 'List' && kind == 'String' && entry.value ==~ /(?s).*[,\n].*/) {
            // The Action splits its list inputs there; here one String is one item, so say so instead of
            // allowing an experiment called 'pod-delete, pod-cpu-hog' that matches none.
            return "option '${entry.key}' is one String holding a comma or a line break; give a List, e.g. ['a', 'b']"
        }
        String inside = problemInside(entry.key as String, entry.value)
        if (inside) return inside
    }
    if (config.onGateFailure && !((config.onGateFailure as String) in ['UNSTABLE', 'FAILURE'])) {
        return "option 'onGateFailure' must be 'UNSTABLE' or 'FAILURE', got '${config.onGateFailure}'"
    }
    if (normalised(config, kinds).extraArgs?.any { setsReportPath(it as String) }) {
        return "option 'extraArgs' must not set --junit, --json or --html; use 'reportDir'"
    }
    if (config.reportDir && !isWorkspacePath(config.reportDir as String)) {
        return "option 'reportDir' must be a relative path inside the workspace made of letters, digits, '.', '_', '-' and '/', not starting with '-', with no '..' and not the workspace itself, got '${config.reportDir}'"
    }
    return null
}

/** What only merge needs: reports to join, none of them a file it removes before it runs. */
@NonCPS
private static String problemWithMerge(Map config) {
    List reports = normalised(config, optionKinds('merge')).reports
    if (!reports) {
        return "option 'reports' is required: the JSON reports of the gates to join, e.g. ['eu/report.json', 'us/report.json']"
    }
    List<String> removed = removedFirst(reportPaths((config.reportDir ?: DEFAULT_MERGE_DIR) as String))
    def clash = reports.find { folder(it as String) in removed }
    return clash ? "option 'reports' names '${clash}', which merge removes before it runs (its reportDir); give the merged reports another reportDir" : null
}

/** A value of this kind may be given for an option of the expected kind; the CLI reads a Percent's text itself. */
@NonCPS
private static boolean fits(String expected, String kind) {
    return kind == expected || (expected == 'List' && kind == 'String') || (expected == 'Percent' && kind in ['Number', 'String'])
}

/**
 * What a List or the parameters Map holds becomes CLI arguments as text: a null would reach the CLI
 * as the word 'null' (e.g. `parameters: [image: env.IMAGE]` with IMAGE unset), a List as its dump.
 */
@NonCPS
private static String problemInside(String option, value) {
    if (value instanceof List) {
        int at = value.findIndexOf { !(kindOf(it) in ['String', 'Number']) }
        return at < 0 ? null : "option '${option}' must hold Strings or Numbers, item ${at + 1} is ${described(value[at])}"
    }
    if (value instanceof Map) {
        // Workflow parameters may be Booleans too, as in the config file.
        def bad = value.find { !(kindOf(it.value) in ['String', 'Number', 'Boolean']) }
        return bad ? "option '${option}' must give each name a String, Number or Boolean, '${bad.key}' is ${described(bad.value)}" : null
    }
    return null
}

@NonCPS
private static String described(value) {
    return value == null ? 'null' : "a ${kindOf(value)}"
}

/** The options without nulls, with String keys, and a single String where a List is expected made a List. */
@NonCPS
private static Map normalised(Map config, Map<String, String> kinds) {
    Map options = [:]
    config.each { key, value ->
        if (value != null) options[key as String] = kinds[key as String] == 'List' && kindOf(value) == 'String' ? [value] : value
    }
    return options
}

/**
 * The kind of a value, named as in OPTION_KINDS; a file findFiles found is a String, its path. instanceof
 * first: getClass, which a Groovy sandbox would ask to approve, is reached only by a value of no other kind.
 */
@NonCPS
private static String kindOf(value) {
    if (value instanceof CharSequence) return 'String'
    if (value instanceof List) return 'List'
    if (value instanceof Map) return 'Map'
    if (value instanceof Boolean) return 'Boolean'
    if (value instanceof Number) return 'Number'
    if (value instanceof Closure) return 'Closure'
    return value != null && value.getClass().name == FOUND_FILE_CLASS ? 'String' : 'Object'
}

/** The CLI takes the last of two report flags, so the step would publish files that were never written. */
@NonCPS
private static boolean setsReportPath(String argument) {
    return ['--junit', '--json', '--html'].any { argument == it || argument.startsWith("${it}=") }
}

/**
 * junit and archiveArtifacts take workspace-relative Ant patterns: no spaces, commas, globs or '..'.
 * Not the workspace itself ('.'): publishHTML would copy all of it into every build. Not a leading
 * '-', which mkdir and rm would read as an option.
 */
@NonCPS
private static boolean isWorkspacePath(String path) {
    return path ==~ /[A-Za-z0-9._][A-Za-z0-9._\/-]*/ && !path.split('/').contains('..') && !folder(path).isEmpty()
}

/** The path without './' and empty steps: 'out/chaos' however it was written. */
@NonCPS
private static String folder(String path) {
    return path.split('/').findAll { it && it != '.' }.join('/')
}

@NonCPS
private static Map reportPaths(String dir) {
    String base = folder(dir)
    return [dir: base, junit: "${base}/junit.xml".toString(), json: "${base}/report.json".toString(),
            html: "${base}/report.html".toString(), css: "${base}/report.css".toString(),
            stderr: "${base}/chaos-gate.stderr".toString(), cliDir: "${CLI_DIR}/${base}".toString()]
}

/** The files the script removes before the CLI runs, so that a run that writes none publishes no stale ones. */
@NonCPS
private static List<String> removedFirst(Map reports) {
    return [reports.junit, reports.json, reports.html, reports.css, reports.stderr]
}

/**
 * The sh script. Every argument is single-quoted, each value joined to its flag (`--engine=FILE`): the
 * CLI reads a separate value that starts with '-' as a missing one; the kubeconfig stays a shell variable, so the secret
 * file's path is never part of the script. Reports of an earlier build are removed first, so a run
 * that writes none cannot publish stale ones. stderr goes to a file (read for the failure message, then
 * shown); progress is on stdout. `sh` runs with -e: `|| status=$?` keeps going to show stderr. The trap
 * matters when the build is aborted: Jenkins sends SIGTERM to every process of the step, and with a
 * handler set the shell waits for the CLI to stop its chaos and clean up instead of dying first.
 */
@NonCPS
private static String shellScript(String command, Map options, Map reports) {
    List<String> args = [command]
    FLAGS.each { String key, String flag ->
        def value = options[key]
        if (value instanceof Boolean) {
            args << (value ? "--${flag}" : "--no-${flag}").toString()
        } else if (value != null) {
            (value instanceof List ? value : [value]).each { args << "--${flag}=${argText(it)}".toString() }
        }
    }
    options.parameters?.each { name, value -> args << "--parameter=${name}=${argText(value)}".toString() }
    // Per-case properties unless told not to: the junit step keeps them (keepProperties); xunit rejects them.
    args << (options.junitCaseProperties == false ? '--no-junit-case-properties' : '--junit-case-properties')
    args << "--junit=${reports.junit}".toString() << "--json=${reports.json}".toString() << "--html=${reports.html}".toString()
    options.extraArgs?.each { args << it.toString() }
    // Last, after `--`: a report path that starts with '-' is still a path.
    if (options.reports) {
        args << '--'
        options.reports.each { args << it.toString() }
    }

    String cli = options.cliPath ?: "node ${quote(reports.cliDir + '/cli.mjs')}"
    String kubeconfig = options.kubeconfigCredentialsId ? ' --kubeconfig "$KUBECONFIG"' : ''
    String stderr = quote(reports.stderr)
    return [
        "mkdir -p ${quote(reports.dir)}",
        "rm -f ${removedFirst(reports).collect { quote(it) }.join(' ')}",
        'trap : TERM',
        'status=0',
        "${cli} ${args.collect { quote(it) }.join(' ')}${kubeconfig} 2>${stderr} || status=\$?",
        "cat ${stderr} >&2",
        'exit "$status"',
    ].join('\n')
}

/** A value as the CLI reads it: numbers in plain decimals, as Groovy writes 1e-7 as "1E-7" and the CLI takes no exponent. */
@NonCPS
private static String argText(value) {
    return value instanceof Number ? new BigDecimal(value.toString()).stripTrailingZeros().toPlainString() : value.toString()
}

/** POSIX single quotes: nothing inside is expanded by the shell. */
@NonCPS
private static String quote(String value) {
    return "'" + value.replace("'", "'\"'\"'") + "'"
}

/**
 * Runs the script with the kubeconfig credential bound to KUBECONFIG, or with the agent's own context;
 * `run.shStarted` says whether sh was reached.
 */
private int runCli(Map options, String script, Map run) {
    if (!options.kubeconfigCredentialsId) {
        run.shStarted = true
        return sh(script: script, returnStatus: true)
    }
    int status
    withCredentials([file(credentialsId: options.kubeconfigCredentialsId, variable: 'KUBECONFIG')]) {
        run.shStarted = true
        status = sh(script: script, returnStatus: true)
    }
    return status
}

/**
 * The JUnit goes to the test view without deciding the build (the exit code does), the HTML report is
 * published (with its stylesheet, which keeps its look under Jenkins' Content-Security-Policy) and the
 * reports are archived. A publishing error is returned, for the caller to raise after the verdict; when
 * the CLI did not return (the build is being aborted) it is only logged, so the abort stays the reason
 * the build stops.
 */
private Exception publish(String step, Map options, Map reports, boolean cliReturned) {
    try {
        archiveArtifacts(artifacts: "${reports.json},${reports.html},${reports.css}", allowEmptyArchive: true)
        // A gate whose report a merge publishes leaves it out, or the build would count each case twice.
        if (options.publishJUnit != false && fileExists(reports.junit)) {
            junit(junitArguments(options, reports))
        }
        if (fileExists(reports.html)) {
            publishHTML(target: [reportDir: reports.dir, reportFiles: 'report.html', reportName: htmlReportName(reports.dir),
                                 keepAll: true, alwaysLinkToLastBuild: true, allowMissing: true])
        }
    } catch (Exception e) {
        if (cliReturned) return e
        echo("${step}: could not publish the reports while the build stops: ${e.message}")
    }
    return null
}

/**
 * publishHTML keeps one report per name in a build: a second gate (its own reportDir) would replace
 * the first one's report, so any other folder than the default is in the name.
 */
@NonCPS
private static String htmlReportName(String reportDir) {
    return reportDir == DEFAULT_REPORT_DIR ? 'Chaos gate' : "Chaos gate (${reportDir})".toString()
}

/**
 * The junit step's arguments: ours, and the user's healthScaleFactor and checksName when given.
 * keepLongStdio: by default the plugin keeps 500+500 characters of a passing case's output, which cuts
 * the run's warnings in the middle; the CLI caps every body itself. keepLongStdio rather than
 * stdioRetention, which junit plugins before 1259 do not know; later ones read it as stdioRetention 'all'.
 */
@NonCPS
private static Map junitArguments(Map options, Map reports) {
    Map arguments = [testResults: reports.junit, allowEmptyResults: true, keepProperties: true, keepLongStdio: true,
                     skipMarkingBuildUnstable: true]
    if (options.healthScaleFactor != null) arguments.healthScaleFactor = options.healthScaleFactor as double
    if (options.checksName != null) arguments.checksName = options.checksName as String
    return arguments
}

private void applyResult(String step, String command, String onGateFailure, int exitCode, Map reports) {
    // Whatever the exit code and onGateFailure say, a run that could not confirm its chaos stopped is
    // no yellow build and no "stopped the chaos": the log holds the command that stops it.
    if (chaosMayStillRun(reports.json)) {
        error("${step}: chaos may still be running (chaos-gate exited with ${exitCode}): it could not confirm that every ChaosEngine or Workflow stopped; the build log names each one and the command that stops it")
    }
    switch (exitCode) {
        case 0:
            return
        case 1:
            if (!fileExists(reports.json)) {
                // The CLI writes its reports before exiting 1; without them, node failed (exit 1 too).
                error("${step}: chaos-gate exited with 1 without writing its reports: ${cliError(reports.stderr)}")
            }
            String message = "${step}: the chaos gate failed; see the test results and ${reports.html}"
            if (onGateFailure == 'UNSTABLE') {
                unstable(message)
            } else {
                error(message)
            }
            return
        case 2:
            String text = cliError(reports.stderr)
            // No JSON report when the reports could not be written: the CLI's warning under its error says it.
            String stillRunning = saysChaosMayStillRun(text) ? 'chaos may still be running: ' : ''
            error("${step}: ${stillRunning}chaos-gate could not run: ${text}")
            return
        case 130:
        case 143:
            String signal = exitCode == 130 ? 'SIGINT' : 'SIGTERM'
            // No JSON report when none could be written: then the CLI's warnings under the cancel say
            // whether chaos may still run, and such a build fails as above, not ABORTED.
            String cancelText = cliError(reports.stderr)
            if (saysChaosMayStillRun(cancelText)) {
                error("${step}: chaos may still be running: chaos-gate ${command} was cancelled by ${signal} (exit ${exitCode}) and could not confirm that its chaos stopped: ${cancelText}")
            }
            // Cancelled is no failed build: ABORTED, as when Jenkins stops the step itself (error can only
            // make a result worse, and FAILURE is not worse than ABORTED).
            currentBuild.result = 'ABORTED'
            // A merge applies nothing: what it stops is its own reports, which it removes rather than
            // leave one cut off halfway.
            String done = command == 'merge' ? 'it removed the merged reports it had written, so none is published' : 'it stopped the chaos and cleaned up before exiting'
            error("${step}: chaos-gate ${command} was cancelled by ${signal} (exit ${exitCode}); ${done}")
            return
        default:
            error("${step}: chaos-gate exited with ${exitCode}: ${cliError(reports.stderr)}")
    }
}

/** The CLI's warning line under its error, for the one cluster or naming a target (`target us: chaos …`). */
@NonCPS
private static boolean saysChaosMayStillRun(String stderr) {
    return (stderr =~ /(?m)^chaos-gate: WARNING: (target [a-z0-9-]+: )?chaos may still be running: /).find()
}

/** The JSON report says so (`"chaosMayStillRun": true`); read as text, needing no JSON plugin. */
private boolean chaosMayStillRun(String jsonFile) {
    return fileExists(jsonFile) && (readFile(jsonFile) =~ /"chaosMayStillRun":\s*true/).find()
}

private String cliError(String stderrFile) {
    return fileExists(stderrFile) ? errorText(readFile(stderrFile)) : '(no output)'
}

/**
 * The CLI's own message ("chaos-gate: error: ..." or "chaos-gate: cancelled by ...", and the lines after
 * it), or the last lines of stderr.
 */
@NonCPS
private static String errorText(String stderr) {
    List<String> lines = stderr.readLines().findAll { it.trim() }
    int start = lines.findIndexOf { it ==~ /chaos-gate: (error: |cancelled by ).*/ }
    List<String> chosen = start >= 0 ? lines.subList(start, lines.size()) : lines.takeRight(5)
    return chosen ? chosen.join('\n').replaceFirst('^chaos-gate: (error: )?', '') : '(no output)'
}
