/** `path/file.go:12:5: ` as go build, go vet and golangci-lint print it; vet may prefix `vet: `. */
export const goPosition = String.raw`^(?:vet: )?(?<file>(?:\.{1,2}/)?[\w.@/+-]+\.go):(?<line>\d+)(?::(?<col>\d+))?: `;
