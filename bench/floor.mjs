// The floor the export is measured against: the least a PDF of given HTML can cost with puppeteer
// (import, launch, setContent, pdf, close). Usage: node bench/floor.mjs <html> <pdf> <executable>
import { readFileSync, writeFileSync } from 'node:fs';
import puppeteer from 'puppeteer';

const [htmlPath, pdfPath, executablePath] = process.argv.slice(2);
const browser = await puppeteer.launch({
  executablePath,
  args: process.getuid?.() === 0 ? ['--no-sandbox', '--disable-gpu'] : ['--disable-gpu'],
});
const page = await browser.newPage();
await page.setContent(readFileSync(htmlPath, 'utf8'));
writeFileSync(pdfPath, await page.pdf({ format: 'A4', printBackground: true }));
await browser.close();
