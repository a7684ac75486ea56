package dev.evtrace.store.parquet;

import java.io.IOException;
import java.net.URI;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;

/** The Hadoop side of the store: configuration and file systems. */
public final class HadoopFiles {
    private HadoopFiles() {}

    /**
     * A configuration that loads no *-default.xml (inside the agent those name un-relocated classes) and
     * writes local files without .crc side files, which readers such as DuckDB would trip over.
     */
    public static Configuration configuration() {
        Configuration conf = new Configuration(false);
        conf.setClass("fs.file.impl", RawLocalFileSystem.class, FileSystem.class);
        conf.setBoolean("fs.file.impl.disable.cache", true);
        return conf;
    }

    /** A store location: a plain directory (relative or absolute) or any Hadoop URI such as hdfs://nn/events. */
    public static Path path(String location) {
        URI uri = URI.create(location.replace('\\', '/').replace(" ", "%20"));
        if (uri.getScheme() == null || uri.getScheme().length() == 1) {
            return new Path(new java.io.File(location).getAbsoluteFile().toURI());
        }
        return new Path(uri);
    }

    public static FileSystem fileSystem(Path path, Configuration conf) throws IOException {
        return path.getFileSystem(conf);
    }
}
