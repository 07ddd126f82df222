/**
 * Lays out the ticket report as plain text or Markdown. report.ts decides what to say and
 * redacts it; this only decides how it looks, so both formats carry the same content.
 */
export class ReportWriter {
  private readonly lines: string[] = [];
  constructor(private readonly format: 'text' | 'markdown') {}

  title(text: string): void {
    if (this.format === 'markdown') this.lines.push(`# ${text}`, '');
    else this.lines.push(text, '='.repeat(Math.min(text.length, 60)), '');
  }

  section(text: string): void {
    if (this.format === 'markdown') this.lines.push(`## ${text}`, '');
    else this.lines.push(text, '-'.repeat(Math.min(text.length, 60)), '');
  }

  field(label: string, value: string): void {
    this.lines.push(this.format === 'markdown' ? `- **${label}:** ${value}` : `${label}: ${value}`);
  }

  bullet(text: string, indent = 0): void {
    this.lines.push(`${'  '.repeat(indent)}- ${text}`);
  }

  paragraph(text: string): void {
    this.lines.push(text);
  }

  json(value: unknown): void {
    const text = JSON.stringify(value, null, 2) ?? String(value);
    if (this.format === 'markdown') this.lines.push('```json', text, '```');
    else this.lines.push(...text.split('\n').map((line) => `    ${line}`));
  }

  strong(text: string): string {
    return this.format === 'markdown' ? `**${text}**` : text;
  }

  end(): void {
    this.lines.push('');
  }

  toString(): string {
    return `${this.lines
      .join('\n')
      .replace(/\n{3,}/g, '\n\n')
      .trimEnd()}\n`;
  }
}
