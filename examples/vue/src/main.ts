import { createApp } from 'vue';
// Registers <segment-builder> and <member-preview> (and the rows the builder uses): only what the page shows.
import 'segment-kit/elements/segment-builder';
import 'segment-kit/elements/member-preview';
import 'segment-kit/themes/segment-kit.css';
import App from './App.vue';
import './app.css';

createApp(App).mount('#app');
