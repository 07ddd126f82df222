import { render } from 'preact';
import { ExtensionClient } from '../ui/extension-client';
import { OptionsPage } from './options-page';

render(<OptionsPage client={new ExtensionClient()} />, document.getElementById('app')!);
