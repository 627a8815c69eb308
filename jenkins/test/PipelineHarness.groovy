import org.codehaus.groovy.control.CompilerConfiguration
import org.codehaus.groovy.control.customizers.ImportCustomizer

/**
 * Loads a vars/ step into a plain GroovyShell and records the pipeline steps it calls, the way
 * JenkinsPipelineUnit does (which is published only to the Jenkins repository, out of reach here).
 */
class PipelineHarness {
    final List<Map> calls = []
    final Map<String, String> files = [:]
    final Map env = [:]
    final Map currentBuild = [result: null]
    /** What `sh` returns; a closure gets the script and may write files (as the CLI writes reports). */
    Closure<Integer> shell = { String script -> 0 }
    /** When set, `sh` really runs in this folder and fileExists/readFile read its files. */
    File workspace

    /** Runs the script with /bin/sh in the workspace, as an agent would. */
    void runForReal(File dir) {
        workspace = dir
        shell = { String script ->
            def process = new ProcessBuilder('sh', '-c', script).directory(dir).redirectErrorStream(false).start()
            process.consumeProcessOutput(System.out, new StringBuilder())
            return process.waitFor()
        }
    }

    Script load(String path) {
        def imports = new ImportCustomizer().addImports('com.cloudbees.groovy.cps.NonCPS')
        def compiler = new CompilerConfiguration()
        compiler.addCompilationCustomizers(imports)
        def shell = new GroovyShell(this.class.classLoader, new Binding(), compiler)
        Script script = shell.parse(new File(path))
        bindSteps(script.binding)
        return script
    }

    private void record(String step, Object args) { calls << [step: step, args: args] }

    List<Map> callsOf(String step) { calls.findAll { it.step == step } }

    private void bindSteps(Binding binding) {
        binding.setVariable('env', env)
        binding.setVariable('currentBuild', currentBuild)
        binding.setVariable('sh', { Map args ->
            record('sh', args)
            return shell(args.script as String)
        })
        binding.setVariable('withCredentials', { List bindings, Closure body ->
            record('withCredentials', bindings)
            def variables = bindings.collect { it.variable }
            variables.each { env[it] = "/secret/${it}" }
            try {
                return body()
            } finally {
                variables.each { env.remove(it) }
            }
        })
        binding.setVariable('file', { Map args -> [type: 'file'] + args })
        binding.setVariable('junit', { Map args -> record('junit', args); [totalCount: 0] })
        binding.setVariable('archiveArtifacts', { Map args -> record('archiveArtifacts', args) })
        binding.setVariable('fileExists', { String path -> workspace ? new File(workspace, path).exists() : files.containsKey(path) })
        binding.setVariable('readFile', { String path -> workspace ? new File(workspace, path).text : files[path] })
        binding.setVariable('echo', { String message -> record('echo', message) })
        binding.setVariable('unstable', { String message ->
            record('unstable', message)
            currentBuild.result = 'UNSTABLE'
        })
        binding.setVariable('error', { String message ->
            record('error', message)
            currentBuild.result = 'FAILURE'
            throw new PipelineError(message)
        })
    }
}
