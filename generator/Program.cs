// Placeholder entry point: lets the `dates` branch build and test on its own.
// The real command line (build, import, …) replaces this file.
return 0;
