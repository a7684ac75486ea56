package dev.evtrace.store.parquet;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.hadoop.util.HadoopOutputFile;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.io.OutputFile;

/**
 * How the writer creates and renames the store's files: with java.nio for a local directory, through Hadoop's
 * FileSystem for any other URI (hdfs://, s3a://). Setting up a Hadoop FileSystem loads and configures some
 * hundreds of classes; in the agent that happened on the writer thread while the program's first events piled
 * up in the ring.
 */
public interface StoreOutput {
    OutputFile create(Path file) throws IOException;

    OutputStream createStream(Path file) throws IOException;

    /** Moves a complete file to its final name, where readers see it. */
    void rename(Path from, Path to) throws IOException;

    void mkdirs(Path dir) throws IOException;

    /** Removes a file if it exists: an unfinished file the writer gave up on, so it takes no room on a full disk. */
    void delete(Path file) throws IOException;

    static StoreOutput of(Path location) throws IOException {
        if ("file".equals(location.toUri().getScheme())) {
            return new Local();
        }
        Configuration conf = HadoopFiles.configuration();
        return new Hadoop(HadoopFiles.fileSystem(location, conf), conf);
    }

    /** A local directory, through java.nio. */
    final class Local implements StoreOutput {
        @Override
        public OutputFile create(Path file) throws IOException {
            return new LocalOutputFile(local(file, true));
        }

        @Override
        public OutputStream createStream(Path file) throws IOException {
            return Files.newOutputStream(local(file, true));
        }

        @Override
        public void rename(Path from, Path to) throws IOException {
            // Atomic: a reader listing the directory sees the temporary name or the final one, never both.
            Files.move(local(from, false), local(to, false), StandardCopyOption.ATOMIC_MOVE);
        }

        @Override
        public void mkdirs(Path dir) throws IOException {
            Files.createDirectories(local(dir, false));
        }

        @Override
        public void delete(Path file) throws IOException {
            Files.deleteIfExists(local(file, false));
        }

        private static java.nio.file.Path local(Path path, boolean withParent) throws IOException {
            java.nio.file.Path local = Paths.get(path.toUri());
            if (withParent) {
                Files.createDirectories(local.getParent());
            }
            return local;
        }
    }

    /** Any Hadoop file system. */
    final class Hadoop implements StoreOutput {
        private final FileSystem fs;
        private final Configuration conf;

        Hadoop(FileSystem fs, Configuration conf) {
            this.fs = fs;
            this.conf = conf;
        }

        @Override
        public OutputFile create(Path file) throws IOException {
            return HadoopOutputFile.fromPath(file, conf);
        }

        @Override
        public OutputStream createStream(Path file) throws IOException {
            return fs.create(file, true);
        }

        @Override
        public void rename(Path from, Path to) throws IOException {
            if (!fs.rename(from, to)) {
                throw new IOException("cannot rename " + from + " to " + to);
            }
        }

        @Override
        public void mkdirs(Path dir) throws IOException {
            fs.mkdirs(dir);
        }

        @Override
        public void delete(Path file) throws IOException {
            fs.delete(file, false);
        }
    }
}
