import type { Page } from 'playwright-core';

/**
 * The keyboard a receptionist uses, counted: every press is one keystroke (a chord such as
 * Control+K too, since it is one gesture), and typed text is one keystroke per character (the
 * tests type plain ASCII, where a character is one UTF-16 unit).
 */
export class CountingKeyboard {
  private pressed = 0;

  constructor(private readonly page: Page) {}

  get count(): number {
    return this.pressed;
  }

  async press(key: string): Promise<void> {
    this.pressed += 1;
    await this.page.keyboard.press(key);
  }

  async type(text: string): Promise<void> {
    this.pressed += text.length;
    await this.page.keyboard.type(text);
  }

  reset(): void {
    this.pressed = 0;
  }
}
