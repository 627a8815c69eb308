import org.codehaus.groovy.control.CompilerConfiguration
import org.codehaus.groovy.control.customizers.ImportCustomizer

/**
 * Loads a vars/ step or a Jenkinsfile into a plain GroovyShell and plays the pipeline steps it calls,
 * recording each call, the way JenkinsPipelineUnit does (which is published only to the Jenkins
 * repository). Two modes for `sh`: a closure (`shell`) that returns an exit code, or runForReal(dir),
 * which runs the script with `sh -xe` in a folder, as an agent does.
 */
class PipelineHarness {
    final List<Map> calls = []
    /** Files the stubbed `sh` "wrote"; fileExists and readFile read them (or the real workspace). */
    final Map<String, String> files = [:]
    final Map<String, String> env = [BUILD_NUMBER: '42', JOB_NAME: 'shop/checkout']
    final FakeBuild currentBuild = new FakeBuild()
    /** What `sh` does without a workspace: gets the script, returns the exit code, may write `files`. */
    Closure<Integer> shell = { String script -> 0 }
    /** Steps given a behaviour by a test (e.g. a junit that throws); called with the step's arguments. */
    final Map<String, Closure> overrides = [:]
    /** Set by runForReal: sh runs there, fileExists/readFile read there. */
    File workspace
    /** Everything a real `sh` printed (stdout and stderr, with the -x trace), as the build log holds it. */
    final StringBuilder console = new StringBuilder()
    /** The content of the file credential withCredentials binds. */
    String secretFileContent = 'apiVersion: v1\nkind: Config\n# secret-token-7f3a\n'
    /** What isUnix answers: false plays a Windows agent. */
    boolean unix = true
    /** The library's resources/ folder, which libraryResource reads (run.sh runs from jenkins/test). */
    File resourcesDir = new File('../resources').canonicalFile
    /** The vars/ steps a Jenkinsfile may call, by name: every one in the library's vars/, as Jenkins loads them. */
    final Map<String, String> libraryVars = new File('../vars').canonicalFile.listFiles()
        .findAll { it.name.endsWith('.groovy') }.collectEntries { [(it.name - '.groovy'): it.path] }

    static class FakeBuild {
        static final List<String> ORDER = ['SUCCESS', 'UNSTABLE', 'FAILURE', 'NOT_BUILT', 'ABORTED']
        String result
        /** As Jenkins' Run.setResult: a result only ever gets worse. */
        void setResult(String worse) {
            if (ORDER.indexOf(worse) > ORDER.indexOf(result ?: 'SUCCESS')) this.result = worse
        }
        boolean resultIsBetterOrEqualTo(String other) {
            return ORDER.indexOf(result ?: 'SUCCESS') <= ORDER.indexOf(other)
        }
    }

    /** From now on `sh` runs its script for real in `dir` with `sh -xe`, as Jenkins' sh step does. */
    PipelineHarness runForReal(File dir) {
        workspace = dir
        shell = { String script -> runScript(script, null) }
        return this
    }

    /**
     * Runs the script as the sh step does: written to a file, run with `sh -xe`, output to the log.
     * `whileRunning` gets the Process once started (e.g. to abort it); the exit code is returned.
     */
    int runScript(String script, Closure whileRunning) {
        File scriptFile = File.createTempFile('script', '.sh')
        File logFile = File.createTempFile('log', '.txt')
        scriptFile.text = script
        // Output to a file, as the durable task's log: waiting ends with the shell, not with its children.
        def builder = new ProcessBuilder('sh', '-xe', scriptFile.path).directory(workspace)
            .redirectErrorStream(true).redirectOutput(logFile)
        builder.environment().putAll(env)
        Process process = builder.start()
        if (whileRunning) whileRunning(process)
        int status = process.waitFor()
        console << logFile.text
        scriptFile.delete()
        logFile.delete()
        return status
    }

    Script load(String path) {
        def imports = new ImportCustomizer()
            .addImports('com.cloudbees.groovy.cps.NonCPS', 'org.jenkinsci.plugins.workflow.libs.Library')
        def compiler = new CompilerConfiguration()
        compiler.addCompilationCustomizers(imports)
        compiler.scriptBaseClass = PipelineScript.name
        def binding = new Binding()
        binding.setVariable('pipelineHarness', this)
        binding.setVariable('env', env)
        binding.setVariable('currentBuild', currentBuild)
        binding.setVariable('scm', [type: 'git'])
        return new GroovyShell(this.class.classLoader, binding, compiler).parse(new File(path))
    }

    /** The vars/ script `name` (see libraryVars), loaded as Jenkins loads a global variable. */
    Script libraryVar(String name) {
        if (!libraryVars.containsKey(name)) throw new MissingPropertyException(name, PipelineScript)
        return load(libraryVars[name])
    }

    List<Map> callsOf(String step) { calls.findAll { it.step == step } }

    /** Every step and Declarative section lands here (see PipelineScript). */
    def step(String name, Object[] args) {
        calls << [step: name, args: args.length == 1 ? args[0] : args.toList()]
        if (overrides[name]) return overrides[name].call(*args)
        switch (name) {
            case 'sh':
                String script = args[0] instanceof Map ? args[0].script : args[0]
                int status = shell(script)
                if (args[0] instanceof Map && args[0].returnStatus) return status
                if (status != 0) return step('error', ["script returned exit code ${status}".toString()] as Object[])
                return null
            case 'withCredentials':
                return withCredentials(args[0] as List, args[1] as Closure)
            case 'withEnv':
                return withEnv(args[0] as List, args[1] as Closure)
            case 'file':
                return [binding: 'file'] + (args[0] as Map)
            case 'isUnix':
                return unix
            case 'pwd':
                return workspace?.path ?: '/agent/workspace/shop-checkout'
            case 'fileExists':
                return workspace ? new File(workspace, args[0] as String).exists() : files.containsKey(args[0])
            case 'readFile':
                String path = args[0] instanceof Map ? args[0].file : args[0]
                if (workspace) return new File(workspace, path).text
                if (!files.containsKey(path)) throw new FileNotFoundException(path)
                return files[path]
            case 'libraryResource':
                return new File(resourcesDir, args[0] as String).getText('UTF-8')
            case 'writeFile':
                Map spec = args[0] as Map
                if (workspace) {
                    File target = new File(workspace, spec.file as String)
                    target.parentFile.mkdirs()
                    target.setText(spec.text as String, 'UTF-8')
                } else {
                    files[spec.file as String] = spec.text as String
                }
                return null
            case 'junit':
                return [totalCount: 0, failCount: 0, skipCount: 0, passCount: 0]
            case 'unstable':
                currentBuild.result = 'UNSTABLE'
                return null
            case 'error':
                currentBuild.result = 'FAILURE'
                throw new PipelineError(args[0] as String)
            default:
                if (libraryVars.containsKey(name)) return load(libraryVars[name]).invokeMethod('call', args)
                // Declarative sections and block steps (pipeline, stage, steps, post, node, ...) run their body.
                if (args.length > 0 && args[-1] instanceof Closure) return (args[-1] as Closure).call()
                return null
        }
    }

    /** Binds file credentials as Jenkins does: a temporary file whose path is the variable's value. */
    private withCredentials(List bindings, Closure body) {
        // A space in the path, as a job named 'shop checkout' gives its workspace and so its secretFiles.
        File secrets = File.createTempDir('shop checkout@tmp secretFiles', '')
        Map<String, String> saved = env.findAll { it.key in bindings*.variable }
        bindings.each {
            assert it.binding == 'file': "only file credentials are played, got ${it}"
            File secret = new File(secrets, 'kubeconfig')
            secret.text = secretFileContent
            env[it.variable as String] = secret.path
        }
        try {
            return body()
        } finally {
            bindings.each { env.remove(it.variable) }
            env.putAll(saved)
            secrets.deleteDir()
        }
    }

    private withEnv(List<String> assignments, Closure body) {
        Map<String, String> saved = new HashMap(env)
        assignments.each { String a -> env[a.substring(0, a.indexOf('='))] = a.substring(a.indexOf('=') + 1) }
        try {
            return body()
        } finally {
            env.clear()
            env.putAll(saved)
        }
    }
}
