// Command vanban checks Vietnamese administrative documents against Nghị
// định 30/2020/NĐ-CP and renders them to DOCX and PDF. Each subcommand
// lives in its own file; main only dispatches, so every command is tested
// in-process through run.
package main
