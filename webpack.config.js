/**
 * Builds the add-in into dist/: taskpane.html (the shared runtime: task pane +
 * ribbon commands), commands.html, assets/ and manifest.xml. Production builds
 * rewrite the dev URL to the deployment URL (env SPASER_URL), as Microsoft's
 * template does with urlDev/urlProd.
 */
const path = require('path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const { devServerHttps } = require('./scripts/dev-certs');

const urlDev = 'https://localhost:3000/';
const DEFAULT_URL_PROD = 'https://spaser.roubaix.fr/addin/';

/** The deployment URL from SPASER_URL (default DEFAULT_URL_PROD), https and ending with "/". */
function productionUrl(env = process.env) {
  const raw = (env.SPASER_URL || DEFAULT_URL_PROD).trim();
  let url;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`SPASER_URL n'est pas une adresse valide : « ${raw} ».`);
  }
  if (url.protocol !== 'https:') {
    throw new Error(`SPASER_URL doit commencer par https:// (Office n'accepte que HTTPS) : « ${raw} ».`);
  }
  return url.href.endsWith('/') ? url.href : `${url.href}/`;
}

/** Replaces every dev URL of the manifest by the deployment URL. */
function rewriteManifest(content, urlProd) {
  const rewritten = content.split(urlDev).join(urlProd);
  if (rewritten.includes('localhost')) {
    throw new Error('manifest.xml contient encore « localhost » après réécriture des adresses.');
  }
  return rewritten;
}

const EXCELJS_BROWSER = require.resolve('exceljs/dist/exceljs.min.js');

module.exports = (env = {}, argv = {}) => {
  const dev = argv.mode === 'development';
  const urlProd = dev ? urlDev : productionUrl(process.env);
  const config = {
    context: __dirname,
    devtool: 'source-map',
    entry: {
      taskpane: './src/taskpane/index.tsx',
      commands: './src/commands/commands.ts',
    },
    output: {
      path: path.resolve(__dirname, 'dist'),
      // Office caches add-in files hard: hashed names in production.
      filename: dev ? '[name].js' : '[name].[contenthash:8].js',
      chunkFilename: dev ? '[name].js' : '[name].[contenthash:8].js',
      clean: true,
    },
    resolve: {
      extensions: ['.ts', '.tsx', '.js'],
      // ExcelJS's browser build is self-contained (no node built-ins to polyfill).
      alias: { exceljs$: EXCELJS_BROWSER },
    },
    module: {
      // Pre-built browserify bundle: nothing for webpack to parse.
      noParse: /exceljs[\\/]dist[\\/]exceljs\.min\.js$/,
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: 'ts-loader',
            options: {
              transpileOnly: true,
              // tsconfig says commonjs (for jest/tsx); webpack needs ES modules so
              // that import() stays a split point.
              compilerOptions: { module: 'es2020', sourceMap: true },
            },
          },
        },
      ],
    },
    optimization: {
      // One webpack runtime per page: taskpane.html loads two entries that must
      // share module instances (ribbon runner, state).
      runtimeChunk: 'single',
      splitChunks: {
        chunks: 'all',
        cacheGroups: {
          // Loaded only through import() (browser preview, consolidation).
          exceljs: {
            test: /[\\/]node_modules[\\/]exceljs[\\/]/,
            name: 'exceljs',
            chunks: 'async',
            priority: 20,
            enforce: true,
          },
          vendors: {
            test: /[\\/]node_modules[\\/]/,
            name: 'vendors',
            chunks: 'initial',
            priority: 10,
          },
        },
      },
    },
    performance: {
      hints: dev ? false : 'warning',
      assetFilter: (file) => file.endsWith('.js') && !file.startsWith('exceljs'),
      maxAssetSize: 900 * 1024,
      maxEntrypointSize: 900 * 1024,
    },
    plugins: [
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets/*.png', to: 'assets/[name][ext]' },
          {
            from: 'manifest.xml',
            to: 'manifest.xml',
            transform: dev ? undefined : (content) => rewriteManifest(content.toString(), urlProd),
          },
        ],
      }),
      // Shared runtime: the runtime page is the task pane, so it also loads the commands.
      new HtmlWebpackPlugin({
        filename: 'taskpane.html',
        template: './src/taskpane/taskpane.html',
        chunks: ['taskpane', 'commands'],
      }),
      new HtmlWebpackPlugin({
        filename: 'commands.html',
        template: './src/commands/commands.html',
        chunks: ['commands'],
      }),
    ],
  };
  if (env.WEBPACK_SERVE) {
    config.devServer = {
      headers: { 'Access-Control-Allow-Origin': '*' },
      server: devServerHttps(),
      port: Number(process.env.npm_package_config_dev_server_port || 3000),
    };
  }
  return config;
};

module.exports.urlDev = urlDev;
module.exports.DEFAULT_URL_PROD = DEFAULT_URL_PROD;
module.exports.productionUrl = productionUrl;
module.exports.rewriteManifest = rewriteManifest;
