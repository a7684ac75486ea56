package dev.evtrace.store;

import dev.evtrace.store.parquet.HadoopFiles;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Paths;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.LocalInputFile;

/**
 * How a reader lists and opens the store's files: with java.nio for a local directory, through Hadoop's
 * FileSystem for any other URI (hdfs://, s3a://). Setting up a Hadoop FileSystem loads and configures some
 * hundreds of classes, a quarter of a second of the one second an analyzer command that reads one run may take.
 */
interface StoreFiles {
    /** @throws FileNotFoundException when nothing is at {@code path} */
    FileStatus status(Path path) throws IOException;

    boolean exists(Path path) throws IOException;

    FileStatus[] list(Path dir) throws IOException;

    InputFile input(Path file) throws IOException;

    static StoreFiles of(Path store, Configuration conf) throws IOException {
        return "file".equals(store.toUri().getScheme()) ? new Local() : new Hadoop(HadoopFiles.fileSystem(store, conf), conf);
    }

    /** A local directory, through java.nio. */
    final class Local implements StoreFiles {
        @Override
        public FileStatus status(Path path) throws IOException {
            return status(Paths.get(path.toUri()), path);
        }

        @Override
        public boolean exists(Path path) {
            return Files.exists(Paths.get(path.toUri()));
        }

        @Override
        public FileStatus[] list(Path dir) throws IOException {
            List<FileStatus> out = new ArrayList<>();
            try (DirectoryStream<java.nio.file.Path> entries = Files.newDirectoryStream(Paths.get(dir.toUri()))) {
                for (java.nio.file.Path entry : entries) {
                    // A name as a path of its own, so that a ':' in it is not taken for a scheme.
                    out.add(status(entry, new Path(dir, new Path(null, null, entry.getFileName().toString()))));
                }
            }
            return out.toArray(FileStatus[]::new);
        }

        @Override
        public InputFile input(Path file) {
            return new LocalInputFile(Paths.get(file.toUri()));
        }

        private static FileStatus status(java.nio.file.Path path, Path name) throws IOException {
            try {
                BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
                return new FileStatus(attributes.size(), attributes.isDirectory(), 1, 0,
                        attributes.lastModifiedTime().toMillis(), name);
            } catch (NoSuchFileException e) {
                throw new FileNotFoundException(path.toString());
            }
        }
    }

    /** Any Hadoop file system. */
    record Hadoop(FileSystem fs, Configuration conf) implements StoreFiles {
        @Override
        public FileStatus status(Path path) throws IOException {
            return fs.getFileStatus(path);
        }

        @Override
        public boolean exists(Path path) throws IOException {
            return fs.exists(path);
        }

        @Override
        public FileStatus[] list(Path dir) throws IOException {
            return fs.listStatus(dir);
        }

        @Override
        public InputFile input(Path file) throws IOException {
            return HadoopInputFile.fromPath(file, conf);
        }
    }
}
