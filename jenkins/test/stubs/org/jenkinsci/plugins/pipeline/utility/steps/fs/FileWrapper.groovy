package org.jenkinsci.plugins.pipeline.utility.steps.fs

/** What pipeline-utility-steps' findFiles returns for each file, as far as a pipeline sees it: its toString is its path. */
class FileWrapper implements Serializable {
    final String name
    final String path

    FileWrapper(String path) {
        this.path = path
        this.name = path.tokenize('/')[-1]
    }

    String toString() { path }
}
